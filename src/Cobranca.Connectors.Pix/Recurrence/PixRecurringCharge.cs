namespace Cobranca.Connectors.Pix;

/// <summary>A recurring charge as the PSP reports it (<c>CobRCompleta</c>), with its attempts and payments.</summary>
public sealed class PixRecurringCharge
{
    /// <summary>The txid.</summary>
    public required string Txid { get; init; }

    /// <summary>The recurrence.</summary>
    public string? RecurrenceId { get; init; }

    /// <summary>The due date; null when unreadable.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>The status.</summary>
    public PixRecurringChargeStatus Status { get; init; }

    /// <summary>The status as sent.</summary>
    public string? StatusCode { get; init; }

    /// <summary>The recurrence's retry policy.</summary>
    public PixRetryPolicy RetryPolicy { get; init; }

    /// <summary>The settlement attempts, in the PSP's order.</summary>
    public IReadOnlyList<PixChargeAttempt> Attempts { get; init; } = [];

    /// <summary>The Pix that settled it (normally one).</summary>
    public IReadOnlyList<PixPayment> Payments { get; init; } = [];

    /// <summary>Who cancelled it, raw (<c>USUARIO_PAGADOR</c>, <c>USUARIO_RECEBEDOR</c>…).</summary>
    public string? CancelledBy { get; init; }

    /// <summary>The rejection or cancellation code, raw.</summary>
    public string? EndCode { get; init; }

    /// <summary>True when paid.</summary>
    public bool IsPaid => Status == PixRecurringChargeStatus.Completed;

    /// <summary>True for the statuses that end it without payment (expired, rejected, cancelled).</summary>
    public bool IsFailed => Status is PixRecurringChargeStatus.Expired or PixRecurringChargeStatus.Rejected or PixRecurringChargeStatus.Cancelled;

    /// <summary>True while an attempt is requested or scheduled (the debit may still happen).</summary>
    public bool HasPendingAttempt => Attempts.Any(a => a.IsPending);

    /// <summary>The first attempt's date (the due date when no attempt is listed): from then on the receiver can no longer cancel.</summary>
    public DateOnly? FirstAttemptDate => Attempts.Select(a => a.SettlementDate).FirstOrDefault(d => d is not null) ?? DueDate;

    /// <inheritdoc />
    public override string ToString() => $"RecurringCharge {Txid} {StatusCode} due={DueDate:yyyy-MM-dd}";
}
