namespace Cobranca.Connectors.Pix;

/// <summary>A refund request (<c>PUT /pix/{e2eid}/devolucao/{id}</c>).</summary>
public sealed class PixRefundRequest
{
    /// <summary>Amount to return (at most what is left of the payment).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Nature: null (PSP default <c>ORIGINAL</c>), <c>ORIGINAL</c> or <c>RETIRADA</c>.</summary>
    public string? Nature { get; init; }

    /// <summary>Description shown to the payer (up to 140 characters).</summary>
    public string? Description { get; init; }
}
