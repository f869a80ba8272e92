namespace Cobranca.Connectors.Boleto;

/// <summary>The outcome of <see cref="LateFeeCalculator.Calculate(decimal, DateOnly, DateOnly)"/>. Total = amount + fine + interest.</summary>
public sealed class LateFeeResult
{
    internal LateFeeResult(decimal amount, DateOnly effectiveDueDate, int daysLate, decimal finePercentApplied, decimal fine, decimal interest,
        IReadOnlyList<LateFeeWarning> warnings)
    {
        Amount = amount;
        EffectiveDueDate = effectiveDueDate;
        DaysLate = daysLate;
        FinePercentApplied = finePercentApplied;
        Fine = fine;
        Interest = interest;
        Warnings = warnings;
    }

    /// <summary>The original amount.</summary>
    public decimal Amount { get; }

    /// <summary>The due date the delay was counted from (moved to a business day when the policy says so).</summary>
    public DateOnly EffectiveDueDate { get; }

    /// <summary>Calendar days between <see cref="EffectiveDueDate"/> and the payment date; 0 when on time.</summary>
    public int DaysLate { get; }

    /// <summary>The fine percent actually charged (after the consumer cap, if applied); 0 when on time.</summary>
    public decimal FinePercentApplied { get; }

    /// <summary>The fine (multa), rounded to centavos.</summary>
    public decimal Fine { get; }

    /// <summary>The interest (juros de mora), rounded to centavos.</summary>
    public decimal Interest { get; }

    /// <summary>What to charge: <see cref="Amount"/> + <see cref="Fine"/> + <see cref="Interest"/>.</summary>
    public decimal Total => Amount + Fine + Interest;

    /// <summary>Things the caller should know (fine above the consumer limit, postponed due date).</summary>
    public IReadOnlyList<LateFeeWarning> Warnings { get; }
}
