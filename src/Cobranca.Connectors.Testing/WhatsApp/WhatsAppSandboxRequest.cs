namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>A request the <see cref="WhatsAppCloudSandbox"/> received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path (<c>/v25.0/106540352242922/messages</c>).</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="ContentType">The content type, or null.</param>
/// <param name="Body">The body as text (multipart bodies included).</param>
/// <param name="Status">The HTTP status answered (0 when the connection was aborted).</param>
public sealed record WhatsAppSandboxRequest(string Method, string Path, string? Authorization, string? ContentType, string Body, int Status);
