namespace Cobranca.Connectors.Pix;

/// <summary>How confirmed Pix payments become <c>PaymentReceived</c> events (shared by the webhook handler and the poller).</summary>
public sealed class PixPaymentOptions
{
    /// <summary>The prefix given to <see cref="PixTxid.ForInvoice"/>; when set, <c>InvoiceId</c> is resolved from the txid.</summary>
    public string? TxidPrefix { get; set; }

    /// <summary>
    /// Your Pix keys at this PSP account. When not empty, a payment to any other key is rejected (another account's
    /// webhook pointed at your URL is a known attack). Compare exactly as the PSP writes the key.
    /// </summary>
    public ICollection<string> AllowedKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The event's <c>Source</c>; null = the client's provider name (<c>"pix:efi"</c>).</summary>
    public string? Source { get; set; }
}
