using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// What an <see cref="IUnblockLedger"/> keeps per payment: enough to dedupe a redelivered payment and to resume a
/// pending unblock where it stopped (the controller calls already done are not repeated).
/// </summary>
public sealed record UnblockLedgerEntry
{
    /// <summary>The payment (dedupe key: <see cref="PaymentReceived.PaymentId"/>).</summary>
    public required PaymentReceived Payment { get; init; }

    /// <summary>Shortcut for <see cref="PaymentReceived.PaymentId"/>.</summary>
    public string PaymentId => Payment.PaymentId;

    /// <summary>Current status.</summary>
    public required UnblockStatus Status { get; init; }

    /// <summary>Why not restored (yet), or <see cref="UnblockReason.None"/>.</summary>
    public UnblockReason Reason { get; init; }

    /// <summary>Explanation of <see cref="Reason"/> or of the last error, for people (redacted).</summary>
    public string? Message { get; init; }

    /// <summary>When the SDK first learned of the payment ("ciência do pagamento").</summary>
    public required DateTimeOffset SeenAt { get; init; }

    /// <summary>When service must be restored by: <see cref="SeenAt"/> + 1 day (Anatel RGC, Res. 765/2023 art. 78).</summary>
    public required DateTimeOffset RestoreDeadline { get; init; }

    /// <summary>When service was restored, once <see cref="UnblockStatus.Restored"/>.</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    /// <summary>When this entry last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The customer, once located.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The invoice the payment settles, once known.</summary>
    public string? InvoiceId { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>Controller calls already done, as <c>contractId|index:controller</c> keys (not repeated on retry).</summary>
    public IReadOnlyList<string> CompletedSteps { get; init; } = [];
}
