using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// What one DI tenant shares between its client and its HTTP handlers: the current options (from the monitor, never
/// mutated), the credential (updated in place when a reload changes the client id or secret, so the running client
/// uses it on its next token request) and the mTLS certificate (loaded once per options version, not per handler).
/// </summary>
internal sealed class PixTenantState : IDisposable
{
    private readonly IOptionsMonitor<PixClientOptions> _monitor;
    private readonly string _tenant;
    private readonly TenantCredential<PixClientOptions> _credential;
    private readonly Lock _gate = new();
    private PixClientOptions? _certificateFor;
    private X509Certificate2? _certificate;
    private readonly List<X509Certificate2> _loaded = [];

    public PixTenantState(IOptionsMonitor<PixClientOptions> monitor, string tenant)
    {
        _monitor = monitor;
        _tenant = tenant;
        _credential = new TenantCredential<PixClientOptions>(monitor, tenant, o => o.Credential, o => o.CreateCredential());
    }

    public PixClientOptions Options => _monitor.Get(_tenant);

    public ConnectorCredential Credential => _credential.Credential;

    /// <summary>The mTLS certificate of the current options (null when none is configured).</summary>
    public X509Certificate2? Certificate()
    {
        var options = Options;
        lock (_gate)
        {
            if (ReferenceEquals(_certificateFor, options)) return _certificate;
            var certificate = PixCertificateLoader.Load(options);
            // Handlers built from an earlier version may still use the previous certificate: keep it until disposal.
            if (certificate is not null && !ReferenceEquals(certificate, options.Certificate)) _loaded.Add(certificate);
            (_certificateFor, _certificate) = (options, certificate);
            return certificate;
        }
    }

    public void Dispose()
    {
        _credential.Dispose();
        lock (_gate)
        {
            foreach (var c in _loaded) c.Dispose();
            _loaded.Clear();
        }
    }
}
