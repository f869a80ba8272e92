namespace Cobranca.Connectors.Boleto;

/// <summary>The period <see cref="LateFeePolicy.InterestPercent"/> refers to.</summary>
public enum InterestPeriod
{
    /// <summary>Percent per month, charged pro rata die: rate / 30 per calendar day late (1 % a.m. = 0.0333 % a day). The default.</summary>
    Monthly = 0,

    /// <summary>Percent per calendar day late (BACEN cobv <c>juros</c> modality 2).</summary>
    Daily,
}
