namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>One request the <see cref="BoletoBankSandbox"/> received (token request bodies and credentials are not kept).</summary>
/// <param name="Bank"><c>inter</c>, <c>sicoob</c>, <c>bb</c> or <c>efi</c>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path (after the bank prefix) and query.</param>
/// <param name="Body">Request body (empty for token requests).</param>
/// <param name="AuthorizationScheme"><c>Basic</c>, <c>Bearer</c> or null.</param>
/// <param name="ClientIdHeader">The <c>client_id</c> header (Sicoob), when sent.</param>
/// <param name="StatusCode">The status answered (0 for a dropped connection).</param>
public sealed record BoletoSandboxRequest(string Bank, string Method, string Path, string Body, string? AuthorizationScheme, string? ClientIdHeader, int StatusCode);
