using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>One charge's status in a batch; a refused one carries the PSP's problem (same rules as <c>PUT /cobv</c>).</summary>
public sealed class PixDueChargeBatchEntry
{
    /// <summary>The txid.</summary>
    public required string Txid { get; init; }

    /// <summary>The batch it belongs to.</summary>
    public string? BatchId { get; init; }

    /// <summary>The status.</summary>
    public PixBatchItemStatus Status { get; init; }

    /// <summary>The status as sent.</summary>
    public string? StatusCode { get; init; }

    /// <summary>The problem type's last segment (e.g. <c>CobVOperacaoInvalida</c>) when refused.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The problem's title and detail when refused (redacted).</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>The problem's field violations when refused (redacted).</summary>
    public IReadOnlyList<FieldViolation> Violations { get; init; } = [];
}
