namespace Cobranca.Connectors.Boleto;

/// <summary>Something in a late-fee calculation the caller should know about.</summary>
public enum LateFeeWarning
{
    /// <summary>
    /// The configured fine is above 2 %, the limit of the consumer code (CDC art. 52 §1º) for consumer contracts.
    /// With <see cref="LateFeePolicy.CapFineAtConsumerLimit"/> the fine was charged at 2 %; otherwise as configured.
    /// </summary>
    FineAboveConsumerLimit = 0,

    /// <summary>The due date fell on a weekend or holiday and was moved to the next business day before counting the delay.</summary>
    DueDatePostponed,
}
