
namespace Cobranca.Connectors.Pix;

/// <summary>
/// Settings of <see cref="RecurringBilling"/>. The timing rules of Pix Automático rest partly on press and PSP sources
/// ([unsure] in the reference): each is an option with the documented value as default.
/// </summary>
public sealed class RecurringBillingOptions
{
    /// <summary>Your Pix key (for the fallback cobv).</summary>
    public required string PixKey { get; init; }

    /// <summary>Your receiving account number (<c>cobr.recebedor.conta</c>).</summary>
    public required string ReceiverAccount { get; init; }

    /// <summary>Account type (<c>CORRENTE</c> by default).</summary>
    public string ReceiverAccountType { get; init; } = "CORRENTE";

    /// <summary>Prefix of the deterministic txids (0 to 10 letters or digits; default <c>PA</c>).</summary>
    public string TxidPrefix { get; init; } = "PA";

    /// <summary>Prefix of the fallback cobv txids (default <c>PF</c>).</summary>
    public string FallbackTxidPrefix { get; init; } = "PF";

    /// <summary>
    /// Prefix of the txids of the cobv sent by <c>lotecobv</c> for customers not enrolled (default <c>PL</c>). The three
    /// prefixes must differ: the txid is what keeps each charge unique.
    /// </summary>
    public string DueChargeTxidPrefix { get; init; } = "PL";

    /// <summary>
    /// The first <c>lotecobv</c> id this workflow uses (default 1); later batches count up from it in the state store.
    /// Pick a range no other system uses on the same PSP account. An id found taken at the PSP before the first send is
    /// skipped, so a lost or new store never overwrites another batch.
    /// </summary>
    public long FirstDueChargeBatchId { get; init; } = 1;

    /// <summary>Charges per <c>lotecobv</c> (default: the PSP profile's limit, 1000 unless the profile says otherwise).</summary>
    public int? DueChargeBatchSize { get; init; }

    /// <summary>The <c>lotecobv</c> description (default <c>Faturas do mês</c>; the batch id is appended).</summary>
    public string DueChargeBatchDescription { get; init; } = "Faturas do mês";

    /// <summary>The earliest day to create the cobr, in calendar days before the due date (default 10: D-10) [unsure].</summary>
    public int ScheduleWindowStartDays { get; init; } = 10;

    /// <summary>The latest day to create the cobr, in calendar days before the due date (default 2: D-2) [unsure].</summary>
    public int ScheduleWindowEndDays { get; init; } = 2;

    /// <summary>Retry dates after a failed due-date attempt, in days after the due date (default D+1, D+3, D+6: 3 retries within 7 days) [unsure].</summary>
    public IReadOnlyList<int> RetryOffsetsDays { get; init; } = [1, 3, 6];

    /// <summary>Days the fallback cobv stays payable after its due date (default 30).</summary>
    public int FallbackValidityDays { get; init; } = 30;

    /// <summary>Days from the hand-over to the fallback cobv's due date (default 3).</summary>
    public int FallbackDueInDays { get; init; } = 3;

    /// <summary>The recurrence's retry policy for new enrolments (default 3 retries in 7 days).</summary>
    public PixRetryPolicy RetryPolicy { get; init; } = PixRetryPolicy.ThreeRetriesInSevenDays;

    /// <summary>Called once when an invoice is handed to the régua (the fallback cobv exists). Optional.</summary>
    public Func<RecurringInvoiceResult, CancellationToken, Task>? OnHandedToDunning { get; init; }

    /// <summary>Called once when a double payment was detected and its devolução requested. Optional.</summary>
    public Func<RecurringInvoiceResult, CancellationToken, Task>? OnDoublePayment { get; init; }

    /// <summary>The clock ("today" in São Paulo). Default system.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PixKey)) errors.Add("PixKey is required.");
        if (string.IsNullOrWhiteSpace(ReceiverAccount)) errors.Add("ReceiverAccount is required.");
        if (ScheduleWindowEndDays < 0 || ScheduleWindowStartDays < ScheduleWindowEndDays) errors.Add("The schedule window must satisfy 0 <= ScheduleWindowEndDays <= ScheduleWindowStartDays.");
        if (RetryOffsetsDays.Count > 3 || RetryOffsetsDays.Any(d => d is < 1 or > 7) || RetryOffsetsDays.Distinct().Count() != RetryOffsetsDays.Count)
            errors.Add("RetryOffsetsDays must hold at most 3 distinct values from 1 to 7.");
        var prefixes = new[] { TxidPrefix, FallbackTxidPrefix, DueChargeTxidPrefix };
        if (prefixes.Any(p => p is null || p.Length > PixTxid.MaxPrefixLength || !p.All(char.IsAsciiLetterOrDigit)))
            errors.Add($"The txid prefixes must be 0 to {PixTxid.MaxPrefixLength} letters or digits.");
        else if (prefixes.Distinct(StringComparer.Ordinal).Count() != prefixes.Length)
            errors.Add("TxidPrefix, FallbackTxidPrefix and DueChargeTxidPrefix must differ.");
        if (FirstDueChargeBatchId is < 1 or > int.MaxValue) errors.Add("FirstDueChargeBatchId must be from 1 to 2147483647.");
        if (DueChargeBatchSize is < 1) errors.Add("DueChargeBatchSize must be positive.");
        if (string.IsNullOrWhiteSpace(DueChargeBatchDescription) || DueChargeBatchDescription.Length > 120) errors.Add("DueChargeBatchDescription must hold 1 to 120 characters.");
        if (FallbackValidityDays < 0 || FallbackDueInDays < 0) errors.Add("Fallback days must not be negative.");
        return errors;
    }
}
