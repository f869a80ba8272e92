namespace Cobranca.Connectors.Pix;

/// <summary>How often a recurrence charges (<c>calendario.periodicidade</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixRecurrencePeriodicity
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>SEMANAL</c>.</summary>
    Weekly,

    /// <summary><c>MENSAL</c>.</summary>
    Monthly,

    /// <summary><c>TRIMESTRAL</c>.</summary>
    Quarterly,

    /// <summary><c>SEMESTRAL</c>.</summary>
    Semiannual,

    /// <summary><c>ANUAL</c>.</summary>
    Annual,
}
