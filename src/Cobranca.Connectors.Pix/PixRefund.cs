namespace Cobranca.Connectors.Pix;

/// <summary>A devolução (refund) of a received Pix.</summary>
public sealed class PixRefund
{
    /// <summary>The client-chosen refund id.</summary>
    public required string Id { get; init; }

    /// <summary>The return id in the Pix system (<c>rtrId</c>).</summary>
    public string? ReturnId { get; init; }

    /// <summary>Amount refunded.</summary>
    public decimal Amount { get; init; }

    /// <summary>When it was requested.</summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>When it settled.</summary>
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Status.</summary>
    public PixRefundStatus Status { get; init; }

    /// <summary>Nature (<c>ORIGINAL</c>, <c>RETIRADA</c>, <c>MED_*</c>).</summary>
    public string? Nature { get; init; }

    /// <summary>Why it failed or was made (<c>motivo</c>).</summary>
    public string? Reason { get; init; }
}
