namespace Cobranca.Connectors.WhatsApp;

/// <summary>An outbound message's status, in the order it only moves forward (<see cref="Failed"/> may be overtaken by a later delivered/read).</summary>
public enum WhatsAppMessageStatus
{
    /// <summary>Meta accepted the send (HTTP 200); no webhook yet.</summary>
    Accepted = 0,
    /// <summary>Failed (see the errors); a later <c>delivered</c>/<c>read</c> overrides it (multi-device).</summary>
    Failed = 1,
    /// <summary><c>sent</c>: left Meta's servers.</summary>
    Sent = 2,
    /// <summary><c>delivered</c> to the device.</summary>
    Delivered = 3,
    /// <summary><c>read</c> by the user (may arrive without <c>delivered</c>).</summary>
    Read = 4,
}
