namespace Cobranca.Connectors.Workflows;

/// <summary>The result of one <see cref="PaymentToUnblock"/> attempt for a payment.</summary>
public sealed class UnblockOutcome
{
    /// <summary>The payment.</summary>
    public required string PaymentId { get; init; }

    /// <summary>Where the payment stands after this attempt.</summary>
    public required UnblockStatus Status { get; init; }

    /// <summary>Why not restored (yet); <see cref="UnblockReason.None"/> when restored.</summary>
    public UnblockReason Reason { get; init; }

    /// <summary>A sentence for people explaining the status (redacted; never a CPF, phone or name).</summary>
    public required string Message { get; init; }

    /// <summary>True when the payment had already been seen: nothing was done, this reports the ledger's state.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The customer, when located.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The invoice the payment settles, when known.</summary>
    public string? InvoiceId { get; init; }

    /// <summary>When the payment was first seen ("ciência do pagamento").</summary>
    public required DateTimeOffset SeenAt { get; init; }

    /// <summary>Anatel's deadline: <see cref="SeenAt"/> + 1 day (RGC, Res. 765/2023 art. 78).</summary>
    public required DateTimeOffset RestoreDeadline { get; init; }

    /// <summary>When service was restored, once restored.</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    /// <summary>Time spent in this attempt (by the injected clock).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Attempts made so far, this one included.</summary>
    public int Attempts { get; init; }

    /// <summary>What this attempt did, in order: locate, debt re-read, then each controller call.</summary>
    public IReadOnlyList<UnblockStep> Steps { get; init; } = [];

    /// <summary>Time from first seen to restored, once restored.</summary>
    public TimeSpan? RestoreLatency => RestoredAt - SeenAt;

    /// <summary>True when service was restored after the deadline, or is still not restored at <see cref="RestoreDeadline"/>
    /// as of <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool IsPastDeadline(DateTimeOffset now) => (RestoredAt ?? now) > RestoreDeadline && Status != UnblockStatus.NotRestored;

    /// <inheritdoc />
    public override string ToString() => $"Payment {PaymentId}: {Status} ({Reason}) {Message}";
}
