namespace Cobranca.Connectors.Pix;

/// <summary>
/// Where and how a PSP exposes the BACEN API Pix: base URL (with its path prefix, e.g. <c>/v2/</c>), token URL, token
/// request style, default scopes and extra headers. Built-in profiles cover Efí, Inter, Sicoob, Sicredi, Banco do
/// Brasil and Itaú; create your own for any other PSP that follows the standard.
/// </summary>
/// <remarks>
/// Profiles carry public facts gathered from PSP documentation and public integrations; the ones marked "unsure" in
/// their <see cref="Notes"/> were not confirmed from the PSP's own documentation. You can always override
/// <see cref="PixClientOptions.BaseAddress"/> and <see cref="PixClientOptions.TokenUrl"/>.
/// </remarks>
public sealed class PixProviderProfile
{
    /// <summary>Short name used in errors and telemetry (<c>"efi"</c>, <c>"inter"</c>…). Exceptions report <c>"pix:{Name}"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Production API base URL including the version path, ending in <c>/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Production token URL.</summary>
    public required Uri TokenUrl { get; init; }

    /// <summary>Homologation (sandbox) API base URL, when the PSP has one.</summary>
    public Uri? SandboxBaseUrl { get; init; }

    /// <summary>Homologation token URL.</summary>
    public Uri? SandboxTokenUrl { get; init; }

    /// <summary>How the token request is written.</summary>
    public PixAuthStyle AuthStyle { get; init; } = PixAuthStyle.BasicForm;

    /// <summary>Scopes sent with the token request; empty = none sent (the PSP grants the application's scopes).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>True when the PSP needs a client secret (false for Sicoob, which authenticates by certificate and client id).</summary>
    public bool RequiresClientSecret { get; init; } = true;

    /// <summary>True when the client id must also travel as a <c>client_id</c> header on API calls (Sicoob).</summary>
    public bool SendsClientIdHeader { get; init; }

    /// <summary>What is known and what is unsure about this PSP.</summary>
    public string? Notes { get; init; }

    /// <summary>True when the PSP is known to offer Pix Automático (<c>rec</c>, <c>cobr</c>…) on its API.</summary>
    public bool SupportsPixAutomatico { get; init; }

    /// <summary>
    /// Scopes of the Pix Automático resources, added to the token request when
    /// <see cref="PixClientOptions.RequestRecurrenceScopes"/> is set (an application without the product licensed gets
    /// "Escopo Negado" for them, so they are opt-in).
    /// </summary>
    public IReadOnlyList<string> RecurrenceScopes { get; init; } = [];

    /// <summary>
    /// Where the recurrence resources (<c>rec, solicrec, locrec, cobr, webhookrec, webhookcobr</c>) live relative to
    /// <see cref="BaseUrl"/> when the PSP versions them apart (Sicredi: <c>../v1/</c>); null = the base URL itself.
    /// </summary>
    public string? RecurrencePathPrefix { get; init; }

    /// <summary>The header that selects the account for applications linked to several (Inter: <c>x-conta-corrente</c>); sent with <see cref="PixClientOptions.AccountNumber"/>.</summary>
    public string? AccountHeaderName { get; init; }

    /// <summary>True when the PSP cancels a recurrence with <c>DELETE /rec/{idRec}</c> instead of the spec's PATCH (documented by Cielo).</summary>
    public bool CancelsRecurrenceWithDelete { get; init; }

    /// <summary>The most charges a <c>lotecobv</c> batch may carry (Efí documents 1000; the spec sets no maximum).</summary>
    public int DueChargeBatchLimit { get; init; } = 1000;

    private static readonly string[] AllPixScopes =
        ["cob.write", "cob.read", "cobv.write", "cobv.read", "pix.write", "pix.read", "webhook.write", "webhook.read"];

    private static readonly string[] AllRecurrenceScopes =
    [
        "rec.write", "rec.read", "solicrec.write", "solicrec.read", "cobr.write", "cobr.read", "payloadlocationrec.write",
        "payloadlocationrec.read", "webhookrec.write", "webhookrec.read", "webhookcobr.write", "webhookcobr.read", "lotecobv.write", "lotecobv.read",
    ];

    /// <summary>
    /// Efí Bank (ex-Gerencianet): <c>https://pix.api.efipay.com.br/v2/</c>, token <c>/oauth/token</c> with Basic auth
    /// and a JSON body; mTLS with the <c>.p12</c> issued in the Efí panel (exported without password).
    /// </summary>
    public static PixProviderProfile Efi { get; } = new()
    {
        Name = "efi",
        BaseUrl = new Uri("https://pix.api.efipay.com.br/v2/"),
        TokenUrl = new Uri("https://pix.api.efipay.com.br/oauth/token"),
        SandboxBaseUrl = new Uri("https://pix-h.api.efipay.com.br/v2/"),
        SandboxTokenUrl = new Uri("https://pix-h.api.efipay.com.br/oauth/token"),
        AuthStyle = PixAuthStyle.BasicJson,
        SupportsPixAutomatico = true,
        Notes = "Pix Automático under /v2/ (rec, solicrec, cobr, locrec, webhookrec, webhookcobr, lotecobv; lotecobv at most 1000 per batch, unsure). Webhook registration needs mTLS on your side, or the x-skip-mtls-checking header (not sent by this SDK).",
    };

    /// <summary>
    /// Banco Inter PJ: token <c>/oauth/v2/token</c> with client id/secret and scopes in a form body, mTLS with the
    /// <c>.crt</c> + <c>.key</c> from Internet Banking (convert to PFX). The <c>/pix/v2/</c> path is unsure.
    /// </summary>
    public static PixProviderProfile Inter { get; } = new()
    {
        Name = "inter",
        BaseUrl = new Uri("https://cdpj.partners.bancointer.com.br/pix/v2/"),
        TokenUrl = new Uri("https://cdpj.partners.bancointer.com.br/oauth/v2/token"),
        SandboxBaseUrl = new Uri("https://cdpj-sandbox.partners.uatinter.co/pix/v2/"),
        SandboxTokenUrl = new Uri("https://cdpj-sandbox.partners.uatinter.co/oauth/v2/token"),
        AuthStyle = PixAuthStyle.FormCredentials,
        Scopes = AllPixScopes,
        SupportsPixAutomatico = true,
        RecurrenceScopes = AllRecurrenceScopes,
        AccountHeaderName = "x-conta-corrente",
        Notes = "Unsure: the /pix/v2/ path prefix and the Pix Automático scope names. Set PixClientOptions.AccountNumber (sent as x-conta-corrente) for apps linked to several accounts. Apps linked to several accounts need the x-conta-corrente header (PixClientOptions.Headers).",
    };

    /// <summary>
    /// Sicoob: <c>https://api.sicoob.com.br/pix/api/v2/</c>, token from Sicoob's OpenID realm with the client id in
    /// the form body and the A1 certificate (no secret); API calls carry a <c>client_id</c> header.
    /// </summary>
    public static PixProviderProfile Sicoob { get; } = new()
    {
        Name = "sicoob",
        BaseUrl = new Uri("https://api.sicoob.com.br/pix/api/v2/"),
        TokenUrl = new Uri("https://auth.sicoob.com.br/auth/realms/cooperado/protocol/openid-connect/token"),
        AuthStyle = PixAuthStyle.FormCredentials,
        Scopes = AllPixScopes,
        RequiresClientSecret = false,
        SendsClientIdHeader = true,
        Notes = "Unsure: the Pix sandbox URL (none set) and whether every scope name matches the spec's.",
    };

    /// <summary>Sicredi: <c>https://api-pix.sicredi.com.br/api/v2/</c> (homologation <c>api-pix-h</c>), token <c>/oauth/token</c>, Basic auth, mTLS.</summary>
    public static PixProviderProfile Sicredi { get; } = new()
    {
        Name = "sicredi",
        BaseUrl = new Uri("https://api-pix.sicredi.com.br/api/v2/"),
        TokenUrl = new Uri("https://api-pix.sicredi.com.br/oauth/token"),
        SandboxBaseUrl = new Uri("https://api-pix-h.sicredi.com.br/api/v2/"),
        SandboxTokenUrl = new Uri("https://api-pix-h.sicredi.com.br/oauth/token"),
        AuthStyle = PixAuthStyle.BasicForm,
        Scopes = AllPixScopes,
        SupportsPixAutomatico = true,
        RecurrenceScopes = AllRecurrenceScopes,
        RecurrencePathPrefix = "../v1/",
        Notes = "Pix Automático resources are versioned apart (rec, cobr, locrec, solicrec, webhookrec, webhookcobr under /api/v1/, from a public client library). Unsure: whether scopes must be sent on the token request.",
    };

    /// <summary>
    /// Banco do Brasil: token <c>https://oauth.bb.com.br/oauth/token</c> (Basic auth, form). API calls need the
    /// developer application key as query parameter <c>gw-dev-app-key</c> (homologation) or <c>gw-app-key</c>
    /// (production): set it in <see cref="PixClientOptions.QueryParameters"/>.
    /// </summary>
    public static PixProviderProfile BancoDoBrasil { get; } = new()
    {
        Name = "bb",
        BaseUrl = new Uri("https://api.bb.com.br/pix/v2/"),
        TokenUrl = new Uri("https://oauth.bb.com.br/oauth/token"),
        SandboxBaseUrl = new Uri("https://api.hm.bb.com.br/pix/v2/"),
        SandboxTokenUrl = new Uri("https://oauth.hm.bb.com.br/oauth/token"),
        AuthStyle = PixAuthStyle.BasicForm,
        Scopes = AllPixScopes,
        SupportsPixAutomatico = true,
        RecurrenceScopes = [.. AllRecurrenceScopes.Where(x => !x.StartsWith("payloadlocationrec", StringComparison.Ordinal))],
        Notes = "No payloadlocationrec.* scope known (QR journeys unsure). Unsure: the Pix base URLs (only the boleto and OAuth hosts are corroborated) and the exact scope names BB grants.",
    };

    /// <summary>
    /// Itaú: <c>https://secure.api.itau/pix_recebimentos/v2/</c>, token <c>https://sts.itau.com.br/api/oauth/token</c>
    /// with the credentials in a form body and mTLS. Set the <c>x-itau-apikey</c> header in <see cref="PixClientOptions.Headers"/>.
    /// </summary>
    public static PixProviderProfile Itau { get; } = new()
    {
        Name = "itau",
        BaseUrl = new Uri("https://secure.api.itau/pix_recebimentos/v2/"),
        TokenUrl = new Uri("https://sts.itau.com.br/api/oauth/token"),
        AuthStyle = PixAuthStyle.FormCredentials,
        Notes = "Unsure: sandbox access (requested through the account manager) and which x-itau-* headers are mandatory.",
    };

    /// <summary>The built-in profiles, by <see cref="Name"/>.</summary>
    public static IReadOnlyList<PixProviderProfile> BuiltIn { get; } = [Efi, Inter, Sicoob, Sicredi, BancoDoBrasil, Itau];

    /// <inheritdoc />
    public override string ToString() => Name;
}
