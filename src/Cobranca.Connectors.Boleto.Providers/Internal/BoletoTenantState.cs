using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>One DI tenant's current options, rotatable credential and mTLS certificate (loaded once per options version).</summary>
internal sealed class BoletoTenantState : IDisposable
{
    private readonly IOptionsMonitor<BoletoBankClientOptions> _monitor;
    private readonly string _tenant;
    private readonly TenantCredential<BoletoBankClientOptions> _credential;
    private readonly Lock _gate = new();
    private readonly List<X509Certificate2> _loaded = [];
    private BoletoBankClientOptions? _certificateFor;
    private X509Certificate2? _certificate;

    public BoletoTenantState(IOptionsMonitor<BoletoBankClientOptions> monitor, string tenant)
    {
        _monitor = monitor;
        _tenant = tenant;
        _credential = new TenantCredential<BoletoBankClientOptions>(monitor, tenant, o => o.Credential, o => o.CreateCredential());
    }

    public BoletoBankClientOptions Options => _monitor.Get(_tenant);

    public ConnectorCredential Credential => _credential.Credential;

    public X509Certificate2? Certificate()
    {
        var options = Options;
        lock (_gate)
        {
            if (ReferenceEquals(_certificateFor, options)) return _certificate;
            var certificate = BoletoBankClient.LoadCertificate(options);
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
