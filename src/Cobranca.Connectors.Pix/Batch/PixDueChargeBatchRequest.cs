namespace Cobranca.Connectors.Pix;

/// <summary>The body of <c>PUT</c>/<c>PATCH /lotecobv/{id}</c>.</summary>
public sealed class PixDueChargeBatchRequest
{
    /// <summary>The description (required on PUT).</summary>
    public string? Description { get; init; }

    /// <summary>The charges.</summary>
    public required IReadOnlyList<PixDueChargeBatchItem> Charges { get; init; }
}
