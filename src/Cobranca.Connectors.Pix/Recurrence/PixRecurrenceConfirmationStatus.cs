namespace Cobranca.Connectors.Pix;

/// <summary>Status of a confirmation request sent to the payer's bank (<c>solicrec</c>, journey 1). Unknown wire values map to <see cref="Unknown"/>; the raw code is kept next to it (never thrown).</summary>
public enum PixRecurrenceConfirmationStatus
{
    /// <summary>A value this SDK does not know (see the raw code property).</summary>
    Unknown = 0,

    /// <summary><c>CRIADA</c>.</summary>
    Created,

    /// <summary><c>ENVIADA</c>.</summary>
    Sent,

    /// <summary><c>RECEBIDA</c>.</summary>
    Received,

    /// <summary><c>REJEITADA</c>.</summary>
    Rejected,

    /// <summary><c>ACEITA</c>.</summary>
    Accepted,

    /// <summary><c>EXPIRADA</c>.</summary>
    Expired,

    /// <summary><c>CANCELADA</c>.</summary>
    Cancelled,
}
