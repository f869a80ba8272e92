namespace Cobranca.Connectors.Abstractions;

/// <summary>Filters for <see cref="IBillingSystem.ListContractsAsync"/>.</summary>
public sealed class ContractQuery
{
    /// <summary>
    /// Only the contracts of these customers (ids as the backend knows them); null (the default) means every customer.
    /// An empty collection lists nothing.
    /// </summary>
    public IReadOnlyCollection<string>? CustomerIds { get; init; }

    /// <summary>How many rows (or customer ids per batch) to ask the backend for per request (the backend may cap it). Default 500.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Every contract of the base.</summary>
    public static ContractQuery All { get; } = new();

    /// <summary>The contracts of the given customers.</summary>
    /// <param name="customerIds">The customers; duplicates are ignored.</param>
    /// <exception cref="ArgumentException">A null or blank id.</exception>
    public static ContractQuery ForCustomers(IEnumerable<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A customer id is null or blank.", nameof(customerIds));
            ids.Add(id);
        }
        return new ContractQuery { CustomerIds = ids };
    }

    /// <summary>Checks the query (for implementers): a positive page size and no null or blank customer id.</summary>
    /// <exception cref="ArgumentException">The query is invalid.</exception>
    public void Validate()
    {
        if (PageSize < 1) throw new ArgumentException($"PageSize must be positive (was {PageSize}).", nameof(PageSize));
        if (CustomerIds is { } ids && ids.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("CustomerIds contains a null or blank id.", nameof(CustomerIds));
    }
}
