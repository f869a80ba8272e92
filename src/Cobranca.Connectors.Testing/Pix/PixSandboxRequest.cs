namespace Cobranca.Connectors.Testing.Pix;

/// <summary>One request the <see cref="PixPspSandbox"/> received (credentials are never recorded).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, as received.</param>
/// <param name="Body">Request body text (empty when none). The token endpoint's body is not kept.</param>
/// <param name="AuthorizationScheme"><c>Basic</c>, <c>Bearer</c> or null.</param>
/// <param name="StatusCode">The status answered (0 for a dropped connection).</param>
/// <param name="ReceivedAt">When it arrived (the sandbox clock, <see cref="PixPspSandboxOptions.TimeProvider"/>).</param>
public sealed record PixSandboxRequest(string Method, string Path, string Body, string? AuthorizationScheme, int StatusCode, DateTimeOffset ReceivedAt);
