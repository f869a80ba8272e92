namespace Cobranca.Connectors.Abstractions;

/// <summary>An invoice (título a receber). Amounts are BRL <see cref="decimal"/>s.</summary>
public sealed class Invoice
{
    /// <summary>The backend's invoice id.</summary>
    public required string Id { get; init; }

    /// <summary>The customer who owes it.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The contract it bills, when the backend links one.</summary>
    public string? ContractId { get; init; }

    /// <summary>Due date (no time zone: a calendar date in Brazil).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The original amount.</summary>
    public required decimal Amount { get; init; }

    /// <summary>What is still open; this is what to charge.</summary>
    public required decimal OpenAmount { get; init; }

    /// <summary>The mapped status.</summary>
    public InvoiceStatus Status { get; init; } = InvoiceStatus.Open;

    /// <summary>The backend's own status code.</summary>
    public string? RawStatus { get; init; }

    /// <summary>Description or reference, when present.</summary>
    public string? Description { get; init; }

    /// <summary>Fields the SDK does not model, as the backend sent them (secrets already removed).</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = EmptyRaw.Instance;

    /// <summary>Days past the due date on <paramref name="today"/>; 0 when not yet due.</summary>
    /// <param name="today">The reference date (São Paulo calendar).</param>
    public int DaysOverdueOn(DateOnly today) => Math.Max(0, today.DayNumber - DueDate.DayNumber);

    /// <summary>True when the invoice is still owed and its due date is before <paramref name="today"/>.</summary>
    /// <param name="today">The reference date (São Paulo calendar).</param>
    public bool IsOverdueOn(DateOnly today) =>
        (Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid) && OpenAmount > 0 && DueDate < today;
}
