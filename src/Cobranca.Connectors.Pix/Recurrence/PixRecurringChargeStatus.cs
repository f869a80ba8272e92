namespace Cobranca.Connectors.Pix;

/// <summary>Status of a recurring charge (<c>cobr</c>, BACEN <c>CobRStatus</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixRecurringChargeStatus
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>CRIADA</c>.</summary>
    Created,

    /// <summary><c>ATIVA</c>.</summary>
    Active,

    /// <summary><c>CONCLUIDA</c>.</summary>
    Completed,

    /// <summary><c>EXPIRADA</c>.</summary>
    Expired,

    /// <summary><c>REJEITADA</c>.</summary>
    Rejected,

    /// <summary><c>CANCELADA</c>.</summary>
    Cancelled,
}
