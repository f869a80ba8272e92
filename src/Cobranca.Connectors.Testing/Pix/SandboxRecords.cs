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

internal sealed class SandboxFaultSlot(PixSandboxFault fault)
{
    public PixSandboxFault Fault { get; } = fault;
    public int Remaining { get; set; } = fault.Times;
}
