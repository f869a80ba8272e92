namespace Cobranca.Connectors.Boleto;

/// <summary>A date-range listing of boletos (<see cref="IBoletoProvider.ListAsync"/>).</summary>
public sealed class BoletoQuery
{
    /// <summary>First day (inclusive).</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day (inclusive).</summary>
    public required DateOnly To { get; init; }

    /// <summary>Which date the range is about. Banks that filter by one date only use theirs and filter the rest locally.</summary>
    public BoletoDateFilter DateFilter { get; init; } = BoletoDateFilter.DueDate;

    /// <summary>Only boletos in this status (filtered locally when the bank cannot); null = all.</summary>
    public BoletoStatus? Status { get; init; }

    /// <summary>Page size asked of the bank (capped by each bank: Inter 1000, BB 100). Default 100.</summary>
    public int PageSize { get; init; } = 100;
}
