namespace Cobranca.Connectors.Boleto;

/// <summary>
/// The fine (multa) and interest (juros de mora) rules of a contract. Simple interest, calendar days, decimal
/// arithmetic; each component rounded to centavos by <see cref="Rounding"/>.
/// </summary>
public sealed class LateFeePolicy
{
    /// <summary>The consumer-code limit for the fine, in percent (CDC art. 52 §1º, Lei 9.298/1996).</summary>
    public const decimal ConsumerFineLimitPercent = 2m;

    /// <summary>Fine in percent of the amount, charged once when paid late (e.g. 2 for 2 %).</summary>
    public decimal FinePercent { get; init; }

    /// <summary>Interest in percent per <see cref="InterestPeriod"/> (e.g. 1 for 1 % a.m.).</summary>
    public decimal InterestPercent { get; init; }

    /// <summary>Whether <see cref="InterestPercent"/> is per month (pro rata die, /30) or per day. Monthly by default.</summary>
    public InterestPeriod InterestPeriod { get; init; } = InterestPeriod.Monthly;

    /// <summary>How each component is rounded to centavos. <see cref="LateFeeRounding.HalfUp"/> by default.</summary>
    public LateFeeRounding Rounding { get; init; } = LateFeeRounding.HalfUp;

    /// <summary>
    /// When true (the default), a fine above <see cref="ConsumerFineLimitPercent"/> is charged at 2 % (consumer
    /// contracts). Set false for contracts outside the consumer code; the result still carries a warning.
    /// </summary>
    public bool CapFineAtConsumerLimit { get; init; } = true;

    /// <summary>
    /// When true, a due date on a Saturday, Sunday or one of <see cref="Holidays"/> moves to the next business day:
    /// paying then is on time, and a later payment counts days from the moved date (as BACEN cobv does). False by default.
    /// </summary>
    public bool PostponeDueDateToBusinessDay { get; init; }

    /// <summary>Holidays for <see cref="PostponeDueDateToBusinessDay"/> (national and the payer's local ones). Empty by default.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();
}
