namespace Cobranca.Connectors.Pix;

/// <summary>
/// A revision (<c>PATCH</c>) of a <c>cob</c> or <c>cobv</c>: only the properties set are sent. Use
/// <see cref="Cancel"/> to remove an open charge.
/// </summary>
public sealed class PixChargeUpdate
{
    /// <summary>New amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>New payer message.</summary>
    public string? PayerMessage { get; init; }

    /// <summary>New lifetime (<c>cob</c> only).</summary>
    public TimeSpan? Expiration { get; init; }

    /// <summary>New due date (<c>cobv</c> only).</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>New payer.</summary>
    public PixDebtor? Debtor { get; init; }

    /// <summary>New status; the only value a receiver may set is <see cref="PixChargeStatus.RemovedByReceiver"/>.</summary>
    public PixChargeStatus? Status { get; init; }

    /// <summary>The revision that cancels the charge (<c>status: REMOVIDA_PELO_USUARIO_RECEBEDOR</c>).</summary>
    public static PixChargeUpdate Cancel { get; } = new() { Status = PixChargeStatus.RemovedByReceiver };
}
