using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>Filters of <c>GET /cobr</c>: a time window (required) and optional filters.</summary>
public sealed class PixRecurringChargeQuery
{
    /// <summary>Start of the window (creation time).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the window.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only charges of this recurrence.</summary>
    public string? RecurrenceId { get; init; }

    /// <summary>Only this payer (CPF or CNPJ).</summary>
    public Document? Debtor { get; init; }

    /// <summary>Only this status.</summary>
    public PixRecurringChargeStatus? Status { get; init; }

    /// <summary>Only this agreement code.</summary>
    public string? Agreement { get; init; }

    /// <summary>Items per page (1 to 1000, default 100).</summary>
    public int PageSize { get; init; } = 100;
}
