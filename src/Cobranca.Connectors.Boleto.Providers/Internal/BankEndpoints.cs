using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Hosts, paths, token style and scopes per bank, from the public facts in docs/boleto-providers.md (each marked there
/// as documented, seen in third-party code, or unsure).
/// </summary>
internal sealed record BankEndpoints(Uri? ApiBase, Uri? TokenUrl, OAuthTokenStyle Style, IReadOnlyList<string> Scopes)
{
    public static BankEndpoints For(BoletoBankClientOptions o)
    {
        var sandbox = o.UseSandbox;
        (string? prodRoot, string? sandboxRoot, string path, string? prodToken, string? sandboxToken, string tokenPath, OAuthTokenStyle style, string[] scopes) p = o.Bank switch
        {
            BoletoBank.Inter => ("https://cdpj.partners.bancointer.com.br", "https://cdpj-sandbox.partners.uatinter.co", "cobranca/v3/",
                null, null, "oauth/v2/token", OAuthTokenStyle.FormCredentials, ["boleto-cobranca.read", "boleto-cobranca.write"]),
            BoletoBank.Sicoob => ("https://api.sicoob.com.br", "https://sandbox.sicoob.com.br/sicoob/sandbox", "cobranca-bancaria/v3/",
                "https://auth.sicoob.com.br/auth/realms/cooperado/protocol/openid-connect/token", null, "auth/realms/cooperado/protocol/openid-connect/token",
                OAuthTokenStyle.FormCredentials, ["boletos_inclusao", "boletos_consulta", "boletos_alteracao"]),
            BoletoBank.BancoDoBrasil => ("https://api.bb.com.br", "https://api.hm.bb.com.br", "cobrancas/v2/",
                "https://oauth.bb.com.br/oauth/token", "https://oauth.hm.bb.com.br/oauth/token", "oauth/token",
                OAuthTokenStyle.BasicForm, ["cobrancas.boletos-info", "cobrancas.boletos-requisicao"]),
            BoletoBank.Efi => ("https://cobrancas.api.efipay.com.br", "https://cobrancas-h.api.efipay.com.br", "v1/",
                null, null, "v1/authorize", OAuthTokenStyle.BasicJson, []),
            _ => (null, null, string.Empty, null, null, string.Empty, OAuthTokenStyle.BasicForm, []),
        };
        var root = o.BaseAddress ?? (sandbox ? Uri(p.sandboxRoot) : Uri(p.prodRoot));
        var api = root is null ? null : new Uri(WithSlash(root), p.path);
        // A custom BaseAddress (a test server, a proxy) serves the token too, under the bank's token path; otherwise the
        // bank's own token host (Sicoob's Keycloak, BB's oauth host) or the API host.
        var token = o.TokenUrl
            ?? (o.BaseAddress is not null ? new Uri(WithSlash(o.BaseAddress), p.tokenPath)
                : (sandbox ? Uri(p.sandboxToken) : Uri(p.prodToken)) ?? (root is null ? null : new Uri(WithSlash(root), p.tokenPath)));
        if (sandbox && o.BaseAddress is null && o.TokenUrl is null && o.Bank == BoletoBank.Sicoob) token = null; // Sicoob's sandbox uses a fixed portal token: not supported, set TokenUrl
        IReadOnlyList<string> scopes = o.Scopes is { } s ? [.. s] : p.scopes;
        return new BankEndpoints(api, token, p.style, scopes);
    }

    private static Uri? Uri(string? text) => text is null ? null : new Uri(text);

    private static Uri WithSlash(Uri u) => u.AbsoluteUri.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");
}
