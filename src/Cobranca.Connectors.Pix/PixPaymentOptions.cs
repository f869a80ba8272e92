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

    /// <summary>
    /// Most items re-queried per webhook delivery (default 1000). Each item costs one <c>GET /pix/{e2eid}</c>, so a
    /// forged body with thousands of items must not turn into thousands of PSP calls; items beyond the cap are counted
    /// as rejected (the reconciliation poller still finds real ones).
    /// </summary>
    public int MaxItemsPerCallback { get; set; } = 1000;

    /// <summary>How long a payment being raised is held in the dedupe ledger before another instance may raise it
    /// (longer than your handler takes). Default 5 minutes.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The event's <c>Source</c>; null = the client's provider name (<c>"pix:efi"</c>).</summary>
    public string? Source { get; set; }
}
