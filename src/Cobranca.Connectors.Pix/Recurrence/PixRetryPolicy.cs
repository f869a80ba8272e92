namespace Cobranca.Connectors.Pix;

/// <summary>Whether failed recurring charges may be retried (<c>politicaRetentativa</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixRetryPolicy
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>NAO_PERMITE</c>.</summary>
    NotAllowed,

    /// <summary><c>PERMITE_3R_7D</c>.</summary>
    ThreeRetriesInSevenDays,
}
