namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>Settings of an <see cref="SgpSandbox"/>.</summary>
public sealed class SgpSandboxOptions
{
    /// <summary>The integration token the sandbox accepts.</summary>
    public string Token { get; set; } = "3f6c1e0a-9b2d-4c8e-a1f7-5d3b9e2c7a41";

    /// <summary>The name of the application registered next to the token; compared case-sensitively, as SGP does.</summary>
    public string App { get; set; } = "CobrancaSdk";

    /// <summary>The SGP system user accepted with HTTP Basic.</summary>
    public string BasicUser { get; set; } = "integracao";

    /// <summary>The password of <see cref="BasicUser"/>.</summary>
    public string BasicPassword { get; set; } = "s3nha-b4sic";

    /// <summary>
    /// When false the token+app pair exists but is refused (inactive token, host not allowed, no permission): SGP then
    /// answers the misleading 403 "As credenciais de autenticação não foram fornecidas.".
    /// </summary>
    public bool TokenActive { get; set; } = true;

    /// <summary>Serves the canonical <c>/api/ura/</c> prefix (an old install only has <c>/ws/ura/</c>).</summary>
    public bool ServeApiPrefix { get; set; } = true;

    /// <summary>Serves the legacy <c>/ws/ura/</c> prefix as well.</summary>
    public bool ServeLegacyPrefix { get; set; } = true;

    /// <summary>The clock that decides "today" (America/Sao_Paulo) and when promises end.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The ISP to serve; when null, <see cref="GeneratedCustomers"/> customers are generated with <see cref="Seed"/>.</summary>
    public IspDataSet? Data { get; set; }

    /// <summary>How many customers to generate when <see cref="Data"/> is null.</summary>
    public int GeneratedCustomers { get; set; } = 30;

    /// <summary>The generator's seed when <see cref="Data"/> is null.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Days a payment promise (trust unlock) lasts: SGP's own setting, never the caller's.</summary>
    public int PromiseDays { get; set; } = 3;

    /// <summary>How many promises a contract may use per calendar month (the "quantidade permitida" SGP enforces).</summary>
    public int PromisesPerMonth { get; set; } = 1;

    /// <summary>When set, a page of <c>titulos</c> / <c>clientes</c> never has more rows than this (SGP may return fewer than asked).</summary>
    public int? MaxRowsPerPage { get; set; }

    /// <summary>Leaves <c>link_pix_html</c> out of <c>fatura2via</c> (some tenants do).</summary>
    public bool OmitPixHtmlLink { get; set; }

    /// <summary>Sends <c>codigopix</c> empty in <c>fatura2via</c> (seen in the field), so the Pix must come from <c>pagamento/pix</c>.</summary>
    public bool EmptyPixInSecondCopy { get; set; }
}
