using System.Text.Json.Nodes;

namespace Cobranca.Connectors.Testing.Pix;

internal sealed class SandboxCharge
{
    public required string Txid { get; init; }
    public required bool IsDue { get; init; }
    public required string RequestBody { get; init; }
    public int Revision { get; set; }
    public string Status { get; set; } = "ATIVA";
    public DateTimeOffset CreatedAt { get; init; }
    public int? Expiration { get; set; }
    public string? DueDate { get; set; }
    public int? ValidityAfterDue { get; set; }
    public decimal Amount { get; set; }
    public required string Key { get; init; }
    public JsonNode? Debtor { get; set; }
    public JsonObject? ValueExtras { get; set; }
    public string? PayerMessage { get; set; }
    public JsonNode? AdditionalInfo { get; set; }
    public long LocationId { get; init; }
    public required string Location { get; init; }
    public required string CopyPaste { get; set; }
    public List<string> Payments { get; } = [];

    /// <summary>The <c>lotecobv</c> batch that created it (<c>loteCobVId</c> filter), or null for <c>PUT /cobv</c>.</summary>
    public string? BatchId { get; init; }
}

internal sealed class SandboxPix
{
    public required string EndToEndId { get; init; }
    public string? Txid { get; init; }
    public decimal Amount { get; init; }
    public decimal Original { get; init; }
    public decimal Fine { get; init; }
    public decimal Interest { get; init; }
    public decimal Discount { get; init; }
    public DateTimeOffset PaidAt { get; init; }
    public required string Key { get; init; }
    public string? PayerInfo { get; init; }
    public string? PayerCpf { get; init; }
    public string? PayerName { get; init; }
    public List<SandboxRefund> Refunds { get; } = [];
}

internal sealed class SandboxRefund
{
    public required string Id { get; init; }
    public required string ReturnId { get; init; }
    public decimal Amount { get; init; }
    public string? Nature { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? SettledAt { get; set; }
    public string Status { get; set; } = "EM_PROCESSAMENTO";
}

internal sealed class SandboxLocRec
{
    public required long Id { get; init; }
    public required string Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? RecurrenceId { get; set; }
}

internal sealed class SandboxRec
{
    public required string Id { get; init; }
    public required string Contract { get; init; }
    public required string DebtorDocument { get; init; }
    public string? DebtorName { get; set; }
    public string? Object { get; init; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; init; }
    public required string Periodicity { get; init; }
    public decimal? FixedAmount { get; init; }
    public decimal? MinimumAmount { get; init; }
    public required string RetryPolicy { get; init; }
    public string? Agreement { get; init; }
    public long? LocationId { get; set; }
    public string? JourneyTxid { get; set; }
    public string? Journey { get; set; }
    public string? PayerIspb { get; set; }
    public string Status { get; set; } = "CRIADA";
    public string? EndRequester { get; set; }
    public string? EndCode { get; set; }
    public bool EndIsRejection { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<(string Status, DateTimeOffset At)> History { get; } = [];
}

internal sealed class SandboxSolicRec
{
    public required string Id { get; init; }
    public required string RecurrenceId { get; init; }
    public required string Ispb { get; init; }
    public required string Account { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string Status { get; set; } = "CRIADA";
    public List<(string Status, DateTimeOffset At)> History { get; } = [];
}

internal sealed class SandboxAttempt
{
    public DateOnly Date { get; init; }
    public required string Type { get; init; }
    public required string Status { get; set; }
    public required string EndToEndId { get; init; }
}

internal sealed class SandboxCobr
{
    public required string Txid { get; init; }
    public required string RecurrenceId { get; init; }
    public DateOnly DueDate { get; init; }
    public decimal Amount { get; init; }
    public required string RetryPolicy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Account { get; init; }
    public required string AccountType { get; init; }
    public string? Information { get; init; }
    public string Status { get; set; } = "CRIADA";
    public string? CancelledBy { get; set; }
    public string? CancellationCode { get; set; }
    public string? RejectionCode { get; set; }
    public List<SandboxAttempt> Attempts { get; } = [];
    public List<string> Payments { get; } = [];
    public List<(string Status, DateTimeOffset At)> History { get; } = [];

    /// <summary>The first attempt's date (the due date before scheduling): the receiver may cancel only before it.</summary>
    public DateOnly FirstAttemptDate => Attempts.Count > 0 ? Attempts[0].Date : DueDate;
}

internal sealed class SandboxBatch
{
    public required string Id { get; init; }
    public required string Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Sequence { get; init; }
    public List<SandboxBatchItem> Items { get; } = [];
}

internal sealed class SandboxBatchItem
{
    public required string Txid { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public JsonObject? Problem { get; init; }

    /// <summary>While <c>EM_PROCESSAMENTO</c>: the charge as sent, processed at <see cref="ReadyAt"/>.</summary>
    public JsonObject? Pending { get; init; }

    public DateTimeOffset ReadyAt { get; init; }
}
