namespace Cobranca.Connectors.Boleto;

/// <summary>How each late-fee component (multa, juros) is rounded to centavos. Banks differ; pick the one your bank uses.</summary>
public enum LateFeeRounding
{
    /// <summary>Half away from zero (0.335 → 0.34, the usual commercial rule). The default.</summary>
    HalfUp = 0,

    /// <summary>Half to even, "banker's rounding" (0.335 → 0.34, 0.325 → 0.32).</summary>
    HalfEven,

    /// <summary>Truncate to centavos (0.339 → 0.33), what some banks do.</summary>
    Truncate,
}
