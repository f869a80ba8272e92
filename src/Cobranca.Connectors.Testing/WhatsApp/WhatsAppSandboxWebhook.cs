namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>A webhook delivery the <see cref="WhatsAppCloudSandbox"/> made (or is about to make, when given to a handler).</summary>
/// <param name="Body">The exact bytes sent.</param>
/// <param name="Signature">The <c>X-Hub-Signature-256</c> value (<c>sha256=</c> + lower-case hex HMAC of <paramref name="Body"/> with the app secret).</param>
public sealed record WhatsAppSandboxWebhook(byte[] Body, string Signature)
{
    /// <summary>The body as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
