namespace Cobranca.Connectors.Testing.Pix;

/// <summary>One webhook delivery a <see cref="PixWebhookReceiver"/> got.</summary>
/// <param name="Body">The request body as received.</param>
/// <param name="StatusCode">The status it answered.</param>
public sealed record PixWebhookDelivery(string Body, int StatusCode);
