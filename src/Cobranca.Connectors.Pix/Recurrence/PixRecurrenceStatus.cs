namespace Cobranca.Connectors.Pix;

/// <summary>Status of a Pix Automático recurrence (<c>rec</c>, BACEN <c>RecStatus</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixRecurrenceStatus
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>CRIADA</c>.</summary>
    Created,

    /// <summary><c>APROVADA</c>.</summary>
    Approved,

    /// <summary><c>REJEITADA</c>.</summary>
    Rejected,

    /// <summary><c>EXPIRADA</c>.</summary>
    Expired,

    /// <summary><c>CANCELADA</c>.</summary>
    Cancelled,
}
