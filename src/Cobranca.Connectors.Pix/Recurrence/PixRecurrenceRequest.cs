using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// A Pix Automático recurrence to create (<c>POST /rec</c>): the mandate the payer authorises once. Set
/// <see cref="FixedAmount"/> or <see cref="MinimumAmount"/> (or neither: any amount up to the payer's own maximum), never both.
/// </summary>
public sealed class PixRecurrenceRequest
{
    /// <summary>Your contract id (<c>vinculo.contrato</c>, required, up to 35 characters).</summary>
    public required string Contract { get; init; }

    /// <summary>What is charged, shown to the payer (<c>vinculo.objeto</c>, up to 35 characters), e.g. "Internet fibra 500 Mb".</summary>
    public string? Description { get; init; }

    /// <summary>The payer's CPF or CNPJ (<c>vinculo.devedor</c>).</summary>
    public required Document Debtor { get; init; }

    /// <summary>The payer's name (up to 140 characters).</summary>
    public required string DebtorName { get; init; }

    /// <summary>The estimated first payment date (<c>calendario.dataInicial</c>), not in the past.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>The last date (<c>calendario.dataFinal</c>); null = indefinite.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>How often it charges.</summary>
    public PixRecurrencePeriodicity Periodicity { get; init; } = PixRecurrencePeriodicity.Monthly;

    /// <summary>A fixed amount per charge (<c>valor.valorRec</c>).</summary>
    public decimal? FixedAmount { get; init; }

    /// <summary>The floor for the payer's own maximum (<c>valor.valorMinimoRecebedor</c>).</summary>
    public decimal? MinimumAmount { get; init; }

    /// <summary>Whether failed charges may be retried (default: 3 retries in 7 days).</summary>
    public PixRetryPolicy RetryPolicy { get; init; } = PixRetryPolicy.ThreeRetriesInSevenDays;

    /// <summary>An unused location from <see cref="IPixRecurrenceClient.CreateRecurrenceLocationAsync"/> (journeys 2, 3, 4).</summary>
    public long? LocationId { get; init; }

    /// <summary>Journey 3: the txid of the immediate charge paid together with the authorisation (<c>ativacao.dadosJornada.txid</c>).</summary>
    public string? JourneyTxid { get; init; }

    /// <summary>Optional agreement code with the PSP (<c>recebedor.convenio</c>, up to 60 characters).</summary>
    public string? Agreement { get; init; }
}
