namespace Cobranca.Connectors.Testing.Pix;

/// <summary>A payment made through <see cref="PixPspSandbox.PayAsync"/>.</summary>
/// <param name="EndToEndId">The new Pix's end-to-end id.</param>
/// <param name="Txid">The charge paid.</param>
/// <param name="Amount">Amount paid.</param>
/// <param name="PaidAt">When (sandbox clock).</param>
/// <param name="WebhookStatusCode">The status the webhook receiver answered; null when no webhook was configured or notification was off; 0 when unreachable.</param>
public sealed record PixSandboxPayment(string EndToEndId, string Txid, decimal Amount, DateTimeOffset PaidAt, int? WebhookStatusCode);
