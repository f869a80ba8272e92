using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>What a webhook delivery or a reconciliation pass did.</summary>
public sealed class BoletoPaymentBatchResult
{
    /// <summary>Boletos looked at (webhook hints, or listed/re-queried boletos).</summary>
    public int Received { get; init; }

    /// <summary>Payments confirmed at the bank and raised now (each exactly once).</summary>
    public IReadOnlyList<PaymentReceived> Payments { get; init; } = [];

    /// <summary>Boletos whose payment was raised before (redelivery, or seen by the other channel).</summary>
    public int Duplicates { get; init; }

    /// <summary>Hints the bank does not confirm: unknown id, or the boleto is not paid (forged or early webhook).</summary>
    public int Rejected { get; init; }

    /// <summary>Boletos that could not be checked now (bank unreachable or erroring); a redelivery or the reconciliation retries them.</summary>
    public int Failed { get; init; }

    /// <summary>The HTTP status to answer the bank's webhook with: 503 when something failed (so it redelivers), otherwise 200 (rejected hints included: a forger gets no signal).</summary>
    public int SuggestedStatusCode => Failed > 0 ? 503 : 200;
}
