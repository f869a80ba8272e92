using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// A generated ISP: plans, customers, contracts, their network connections and invoices, consistent with each other
/// and relative to <see cref="Today"/>. Produced by <see cref="IspDataGenerator"/>; the same seed and counts always give
/// the same data set. Extra provider-ish fields live in the models' <c>Raw</c> dictionaries under <see cref="IspDataKeys"/>.
/// </summary>
public sealed class IspDataSet
{
    /// <summary>The seed it was generated from.</summary>
    public required int Seed { get; init; }

    /// <summary>The São Paulo date the invoices' states are relative to.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The plan catalogue.</summary>
    public required IReadOnlyList<IspPlan> Plans { get; init; }

    /// <summary>Customers, by ascending id.</summary>
    public required IReadOnlyList<Customer> Customers { get; init; }

    /// <summary>Contracts, by ascending id; <see cref="Contract.Access"/> reflects the debt (long overdue ones are blocked).</summary>
    public required IReadOnlyList<Contract> Contracts { get; init; }

    /// <summary>One connection per contract (PPPoE login, password, IP, MAC).</summary>
    public required IReadOnlyList<IspConnection> Connections { get; init; }

    /// <summary>Invoices of every status (paid, open, partially paid, cancelled), by ascending id.</summary>
    public required IReadOnlyList<Invoice> Invoices { get; init; }
}
