namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>Settings of an <see cref="IxcSandbox"/>.</summary>
public sealed class IxcSandboxOptions
{
    /// <summary>The id of the webservice user the sandbox accepts (Basic auth user name). Default <c>"7"</c>.</summary>
    public string UserId { get; set; } = "7";

    /// <summary>The token the sandbox accepts (Basic auth password). Default a fixed fake hash.</summary>
    public string Token { get; set; } = "d1f0c2a3b4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    /// <summary>The clock that decides "today" (America/Sao_Paulo) for the seed and the trust-unlock rules. System clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A generated ISP (<see cref="IspDataGenerator"/>) to serve instead of the built-in seed: its customers, contracts,
    /// logins and invoices keep their ids and are rendered the way IXC stores them (masked documents and phones, every
    /// value a string, <c>status_internet</c> codes, <c>id_contrato_avulso</c> for stand-alone charges). When set,
    /// <see cref="IxcSandboxData"/>'s records and <see cref="GeneratedCustomers"/> are not added.
    /// </summary>
    public IspDataSet? Data { get; set; }

    /// <summary>How many generated customers (each with a contract, a login and a few invoices) to add to the well-known ones. Default 30.</summary>
    public int GeneratedCustomers { get; set; } = 30;

    /// <summary>Seed of the deterministic generator. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Days a trust unlock lasts. Default 3.</summary>
    public int TrustUnlockDays { get; set; } = 3;

    /// <summary>
    /// A server certificate: when set, the sandbox listens with HTTPS (e.g. a self-signed certificate, to exercise
    /// certificate pinning the way on-premise IXC installs need it). Null (the default) listens with plain HTTP.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ServerCertificate { get; set; }

    /// <summary>
    /// Whether listings sent with POST are accepted (most IXC instances do). False simulates an instance that only takes
    /// the documented GET-with-body: a POST listing then gets the generic HTML "Ocorreu um erro ao processar" under HTTP 200.
    /// </summary>
    public bool AcceptPostListings { get; set; } = true;

    /// <summary>
    /// Tables and resources the webservice user's group has no permission on (<c>radusuarios</c>, <c>get_pix</c> ...):
    /// each call to one is answered, under HTTP 200, with IXC's <c>{"type":"error","message":"Recurso radusuarios não
    /// está disponível!"}</c>. Empty by default. Read on every request, so it may be changed while the sandbox runs.
    /// </summary>
    public ISet<string> RefusedResources { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The <c>status</c> a partial payment (<see cref="IxcSandbox.PayInvoice"/> with less than is open) leaves on the
    /// invoice: <c>"A"</c> (the default: still open, with <c>valor_recebido</c> and a smaller <c>valor_aberto</c>) or
    /// <c>"P"</c> (partially paid, as some IXC installs mark it).
    /// </summary>
    public string PartialPaymentStatus { get; set; } = "A";

    /// <summary>
    /// How many of the most recent requests <see cref="IxcSandbox.Requests"/> keeps (older ones are dropped); 0 keeps none.
    /// Default 10 000: enough for any test, bounded for long runs over a large base (<see cref="IxcSandbox.RequestCount"/>
    /// counts every request either way).
    /// </summary>
    public int RequestLogLimit { get; set; } = 10_000;
}
