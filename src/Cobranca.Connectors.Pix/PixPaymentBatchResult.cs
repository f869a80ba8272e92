using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>What a webhook delivery or a reconciliation pass did.</summary>
public sealed class PixPaymentBatchResult
{
    /// <summary>False when a webhook body was not a BACEN <c>{"pix":[…]}</c> body (nothing was processed).</summary>
    public bool IsWellFormed { get; init; } = true;

    /// <summary>Items looked at.</summary>
    public int Received { get; init; }

    /// <summary>Payments confirmed at the PSP and raised now (each exactly once).</summary>
    public IReadOnlyList<PaymentReceived> Payments { get; init; } = [];

    /// <summary>Items already raised before (redelivery, or seen by the other channel).</summary>
    public int Duplicates { get; init; }

    /// <summary>Items the PSP does not confirm (unknown e2eid: forged or foreign callback) or paid to a key not in <see cref="PixPaymentOptions.AllowedKeys"/>.</summary>
    public int Rejected { get; init; }

    /// <summary>Items that could not be checked now (PSP unreachable or erroring); a redelivery or the poller will retry them.</summary>
    public int Failed { get; init; }

    /// <summary>
    /// The HTTP status to answer the PSP with: 400 for a malformed body, 503 when some item failed (so the PSP
    /// redelivers), otherwise 200 (including rejected items: a forger gets no signal).
    /// </summary>
    public int SuggestedStatusCode => !IsWellFormed ? 400 : Failed > 0 ? 503 : 200;
}
