using System.Text.Json;
using System.Text.Json.Serialization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>The enrolment document in <c>pix.recurrence</c> (key <c>customer/{id}</c>); <c>rec/{idRec}</c> maps back to the customer.</summary>
internal sealed class EnrolmentState
{
    public int V { get; set; } = 1;
    public string CustomerId { get; set; } = string.Empty;
    public string Contract { get; set; } = string.Empty;
    public long? LocationId { get; set; }
    public string? RecurrenceId { get; set; }
    public string? ConfirmationId { get; set; }
    public string Status { get; set; } = "PENDENTE";
}

/// <summary>The per-invoice document in <c>pix.recurring-charge</c> (key = invoice id).</summary>
internal sealed class ChargeState
{
    public int V { get; set; } = 1;
    public string InvoiceId { get; set; } = string.Empty;
    public string CustomerId { get; set; } = string.Empty;
    public string? RecurrenceId { get; set; }
    public string? Txid { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal Amount { get; set; }

    /// <summary>
    /// creating → created → paid | fallback; refunding → refunded for a double payment. A customer not enrolled:
    /// batched → issued | denied (lotecobv).
    /// </summary>
    public string Stage { get; set; } = "creating";
    public List<DateOnly> Retries { get; set; } = [];
    public bool FallbackRequested { get; set; }
    public string? FallbackTxid { get; set; }
    public bool HandedOver { get; set; }
    public string? RefundId { get; set; }
    public string? RefundedEndToEndId { get; set; }

    /// <summary>The lotecobv journal entry (key) that claimed this invoice.</summary>
    public string? BatchKey { get; set; }

    /// <summary>The PSP's batch id, once the charge's outcome is known.</summary>
    public string? BatchId { get; set; }

    /// <summary>The batch cobv's txid.</summary>
    public string? BatchTxid { get; set; }

    /// <summary>Why the batch charge was refused (problem type and fields, no values).</summary>
    public string? Detail { get; set; }
}

/// <summary>
/// A lotecobv journal entry in <c>pix.recurring-charge</c> (key <c>lotecobv/{first id, 10 digits}</c>), written before
/// anything is sent: claiming → sending → sent, removed once every charge's outcome is recorded on its invoice. It
/// holds the exact body so that a re-send is identical.
/// </summary>
internal sealed class BatchState
{
    public int V { get; set; } = 1;
    public string Key { get; set; } = string.Empty;

    /// <summary>The PSP's batch id (numeric, below 2^31); changes only before the first send, on a collision.</summary>
    public string BatchId { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string PixKey { get; set; } = string.Empty;

    /// <summary>claiming → sending → sent.</summary>
    public string Stage { get; set; } = "claiming";

    /// <summary>PUTs started (recorded before each one).</summary>
    public int Sends { get; set; }
    public List<BatchItemState> Items { get; set; } = [];
}

/// <summary>One charge of a journal entry.</summary>
internal sealed class BatchItemState
{
    public string InvoiceId { get; set; } = string.Empty;
    public string CustomerId { get; set; } = string.Empty;
    public string Txid { get; set; } = string.Empty;
    public DateOnly DueDate { get; set; }
    public decimal Amount { get; set; }
    public string Document { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public int ValidityDays { get; set; }

    /// <summary>The outcome is recorded on the invoice.</summary>
    public bool Done { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnrolmentState))]
[JsonSerializable(typeof(ChargeState))]
[JsonSerializable(typeof(BatchState))]
internal sealed partial class RecurringBillingJsonContext : JsonSerializerContext;

/// <summary>Typed access to the two collections, with optimistic concurrency (re-read and retry on a lost race).</summary>
internal sealed class RecurringBillingStore(IStateStore enrolments, IStateStore charges)
{
    public IStateStore Enrolments { get; } = enrolments;
    public IStateStore Charges { get; } = charges;

    public static string CustomerKey(string customerId) => "customer/" + customerId;

    public static string RecKey(string recurrenceId) => "rec/" + recurrenceId;

    public async Task<(EnrolmentState? State, long Version)> GetEnrolmentAsync(string customerId, CancellationToken ct)
    {
        var entry = await Enrolments.GetAsync(CustomerKey(customerId), ct).ConfigureAwait(false);
        return entry is null ? (null, 0) : (JsonSerializer.Deserialize(entry.Value, RecurringBillingJsonContext.Default.EnrolmentState), entry.Version);
    }

    public Task SaveEnrolmentAsync(EnrolmentState state, CancellationToken ct) =>
        Enrolments.SetAsync(CustomerKey(state.CustomerId), JsonSerializer.Serialize(state, RecurringBillingJsonContext.Default.EnrolmentState), ct);

    public async Task<(ChargeState? State, long Version)> GetChargeAsync(string invoiceId, CancellationToken ct)
    {
        var entry = await Charges.GetAsync(invoiceId, ct).ConfigureAwait(false);
        return entry is null ? (null, 0) : (JsonSerializer.Deserialize(entry.Value, RecurringBillingJsonContext.Default.ChargeState), entry.Version);
    }

    public Task<bool> TryAddChargeAsync(ChargeState state, CancellationToken ct) =>
        Charges.TryAddAsync(state.InvoiceId, JsonSerializer.Serialize(state, RecurringBillingJsonContext.Default.ChargeState), ct);

    public const string BatchPrefix = "lotecobv/";

    public const string BatchCounterKey = "lotecobv-next";

    public static BatchState ReadBatch(StateEntry entry) => JsonSerializer.Deserialize(entry.Value, RecurringBillingJsonContext.Default.BatchState)!;

    public static string WriteBatch(BatchState state) => JsonSerializer.Serialize(state, RecurringBillingJsonContext.Default.BatchState);

    /// <summary>Compare-and-swap; false when someone else wrote first (the caller re-reads on its next pass).</summary>
    public async Task<bool> TryUpdateChargeAsync(ChargeState state, long version, CancellationToken ct) =>
        await Charges.TryUpdateAsync(state.InvoiceId, JsonSerializer.Serialize(state, RecurringBillingJsonContext.Default.ChargeState), version, ct).ConfigureAwait(false) is not null;
}
