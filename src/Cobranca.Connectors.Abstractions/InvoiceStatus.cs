namespace Cobranca.Connectors.Abstractions;

/// <summary>Lifecycle of an invoice, mapped from the backend's codes.</summary>
public enum InvoiceStatus
{
    /// <summary>The backend sent a code the SDK does not know; see <see cref="Invoice.RawStatus"/>.</summary>
    Unknown = 0,
    /// <summary>Open (to be paid).</summary>
    Open,
    /// <summary>Partially paid; <see cref="Invoice.OpenAmount"/> is what is left.</summary>
    PartiallyPaid,
    /// <summary>Paid.</summary>
    Paid,
    /// <summary>Cancelled.</summary>
    Cancelled,
}
