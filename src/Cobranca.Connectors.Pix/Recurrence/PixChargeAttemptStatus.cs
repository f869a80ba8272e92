namespace Cobranca.Connectors.Pix;

/// <summary>Status of one settlement attempt of a recurring charge (<c>tentativas[].status</c>). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixChargeAttemptStatus
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>SOLICITADA</c>.</summary>
    Requested,

    /// <summary><c>AGENDADA</c>.</summary>
    Scheduled,

    /// <summary><c>PAGA</c>.</summary>
    Paid,

    /// <summary><c>CANCELADA</c>.</summary>
    Cancelled,

    /// <summary><c>REJEITADA</c>.</summary>
    Rejected,

    /// <summary><c>EXPIRADA</c>.</summary>
    Expired,
}
