namespace Cobranca.Connectors.Boleto;

/// <summary>
/// Computes multa and juros de mora for a late payment: fine = amount × fine% (once), interest = amount × rate% ×
/// days ÷ 30 (monthly rate, pro rata die) or × days (daily rate), simple interest, calendar days, decimal
/// arithmetic, each component rounded to centavos by the policy's <see cref="LateFeeRounding"/>.
/// </summary>
/// <remarks>
/// When the provider reports the amount it actually charged (Pix <c>componentesValor</c>, a bank's
/// <c>valorTotalRecebido</c>), trust that number: this calculator is for showing the customer what to pay.
/// </remarks>
public sealed class LateFeeCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="policy">The contract's rules.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative percent or an unknown enum value.</exception>
    public LateFeeCalculator(LateFeePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(policy.FinePercent, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfNegative(policy.InterestPercent, nameof(policy));
        if (!Enum.IsDefined(policy.Rounding) || !Enum.IsDefined(policy.InterestPeriod))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), "Unknown rounding or interest period.");
        }
        ArgumentNullException.ThrowIfNull(policy.Holidays, nameof(policy));
        Policy = policy;
    }

    /// <summary>The rules in use.</summary>
    public LateFeePolicy Policy { get; }

    /// <summary>Computes what is due when <paramref name="amount"/>, due on <paramref name="dueDate"/>, is paid on <paramref name="paymentDate"/>.</summary>
    /// <param name="amount">The invoice amount in BRL (not negative).</param>
    /// <param name="dueDate">The due date.</param>
    /// <param name="paymentDate">The payment date (or "today" in America/Sao_Paulo for a quote).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The policy's holidays leave no business day within a year of the due date.</exception>
    public LateFeeResult Calculate(decimal amount, DateOnly dueDate, DateOnly paymentDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var warnings = new List<LateFeeWarning>();
        var effectiveDue = dueDate;
        if (Policy.PostponeDueDateToBusinessDay)
        {
            for (var day = 0; !IsBusinessDay(effectiveDue); day++)
            {
                if (day > 366) throw new InvalidOperationException("The holiday list leaves no business day within a year of the due date.");
                effectiveDue = effectiveDue.AddDays(1);
            }
            if (effectiveDue != dueDate) warnings.Add(LateFeeWarning.DueDatePostponed);
        }

        var finePercent = Policy.FinePercent;
        if (finePercent > LateFeePolicy.ConsumerFineLimitPercent)
        {
            warnings.Add(LateFeeWarning.FineAboveConsumerLimit);
            if (Policy.CapFineAtConsumerLimit) finePercent = LateFeePolicy.ConsumerFineLimitPercent;
        }

        var daysLate = Math.Max(0, paymentDate.DayNumber - effectiveDue.DayNumber);
        if (daysLate == 0) return new LateFeeResult(amount, effectiveDue, 0, 0m, 0m, 0m, warnings);

        // Multiply before dividing so decimal keeps every digit until the single rounding step.
        var fine = Round(amount * finePercent / 100m);
        var interest = Policy.InterestPeriod == InterestPeriod.Monthly
            ? Round(amount * Policy.InterestPercent * daysLate / 3000m)
            : Round(amount * Policy.InterestPercent * daysLate / 100m);
        return new LateFeeResult(amount, effectiveDue, daysLate, finePercent, fine, interest, warnings);
    }

    private bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Policy.Holidays.Contains(date);

    private decimal Round(decimal value) => Policy.Rounding switch
    {
        LateFeeRounding.HalfEven => Math.Round(value, 2, MidpointRounding.ToEven),
        LateFeeRounding.Truncate => Math.Round(value, 2, MidpointRounding.ToZero),
        _ => Math.Round(value, 2, MidpointRounding.AwayFromZero),
    };
}
