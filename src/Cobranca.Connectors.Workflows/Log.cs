using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Workflows;

/// <summary>Source-generated log messages. Ids only (payment, customer, invoice, contract), never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Payment {PaymentId}: service restored for customer {CustomerId} in {LatencySeconds:0.0}s (deadline {Deadline:O})")]
    public static partial void Restored(ILogger logger, string paymentId, string? customerId, double latencySeconds, DateTimeOffset deadline);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Payment {PaymentId}: unblock pending ({Reason}), restore deadline {Deadline:O}: {Detail}")]
    public static partial void Pending(ILogger logger, string paymentId, UnblockReason reason, DateTimeOffset deadline, string detail);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Payment {PaymentId}: not restored ({Reason}): {Detail}")]
    public static partial void NotRestored(ILogger logger, string paymentId, UnblockReason reason, string detail);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Payment {PaymentId} already seen ({Status}); nothing done")]
    public static partial void Duplicate(ILogger logger, string paymentId, UnblockStatus status);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Payment {PaymentId}: restore deadline {Deadline:O} passed and service is not restored")]
    public static partial void DeadlineMissed(ILogger logger, string paymentId, DateTimeOffset deadline);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Dunning run {Mode}: {Customers} customers, {Executed} executed, {Planned} planned, {Deferred} deferred, {Skipped} skipped, {Failed} failed")]
    public static partial void DunningRunCompleted(ILogger logger, string mode, int customers, int executed, int planned, int deferred, int skipped, int failed);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Dunning: action {StepKey} for customer {CustomerId} (invoice {InvoiceId}) failed: {Error}")]
    public static partial void DunningActionFailed(ILogger logger, string stepKey, string customerId, string invoiceId, string error);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Dunning: customer {CustomerId} skipped, debt status unavailable: {Error}")]
    public static partial void DunningCustomerFailed(ILogger logger, string customerId, string error);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Dunning: action {Key} was claimed by an attempt that stopped before recording its outcome; policy {Policy}")]
    public static partial void DunningActionUnconfirmed(ILogger logger, string key, string policy);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Dunning: action {Key} was done but its claim had expired and another worker took it over (raise ClaimLease)")]
    public static partial void DunningClaimLost(ILogger logger, string key);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the claim expired before the attempt was saved; another worker holds it now")]
    public static partial void UnblockClaimLost(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Payment {PaymentId}: intake limit reached ({Waiting} payments waiting); recorded as pending for the retry loop")]
    public static partial void IntakeDeferred(ILogger logger, string paymentId, int waiting);
}
