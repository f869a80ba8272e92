namespace Cobranca.Connectors.Testing;

/// <summary>What <see cref="IspDataGenerator.Generate"/> produces.</summary>
public sealed class IspDataGeneratorOptions
{
    /// <summary>The seed: the same seed and options always give the same data set.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many customers (0 to 1,000,000). Default 200.</summary>
    public int CustomerCount { get; init; } = 200;

    /// <summary>The São Paulo date invoices are relative to: paid history before it, overdue ones 1 to 90 days before it, upcoming ones after.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Months of monthly invoices before <see cref="Today"/> (1 to 24). Default 4.</summary>
    public int HistoryMonths { get; init; } = 4;

    /// <summary>Share of customers that are companies with a CNPJ (0 to 1). Default 0.12.</summary>
    public double CompanyShare { get; init; } = 0.12;

    /// <summary>Contracts with an invoice more than this many days overdue are generated blocked. Default 15.</summary>
    public int BlockAfterDaysOverdue { get; init; } = 15;
}
