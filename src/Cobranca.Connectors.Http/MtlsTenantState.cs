using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Http;

/// <summary>
/// What one DI tenant of an OAuth2 + mTLS connector (Pix, bank boleto APIs) shares between its client and its HTTP
/// handlers: the current options (from the monitor, never mutated), the credential (updated in place when a reload
/// changes the client id or secret, so the running client uses it on its next token request) and the mTLS certificate
/// (loaded once per options version, not per handler).
/// </summary>
internal sealed class MtlsTenantState<TOptions> : IDisposable
    where TOptions : class
{
    private readonly IOptionsMonitor<TOptions> _monitor;
    private readonly string _tenant;
    private readonly TenantCredential<TOptions> _credential;
    private readonly Func<TOptions, X509Certificate2?> _loadCertificate;
    private readonly Func<TOptions, X509Certificate2?> _givenCertificate;
    private readonly Lock _gate = new();
    private readonly List<X509Certificate2> _loaded = [];
    private TOptions? _certificateFor;
    private X509Certificate2? _certificate;

    /// <param name="monitor">The options monitor.</param>
    /// <param name="tenant">The tenant (options name).</param>
    /// <param name="configuredCredential">The credential object the options carry, if any.</param>
    /// <param name="credentialFromStrings">Builds a credential from the options' string properties.</param>
    /// <param name="loadCertificate">Loads the options' certificate (PFX bytes or path), or returns the given object.</param>
    /// <param name="givenCertificate">The certificate object the options carry (owned by the application, never disposed here).</param>
    public MtlsTenantState(IOptionsMonitor<TOptions> monitor, string tenant, Func<TOptions, ConnectorCredential?> configuredCredential,
        Func<TOptions, ConnectorCredential> credentialFromStrings, Func<TOptions, X509Certificate2?> loadCertificate,
        Func<TOptions, X509Certificate2?> givenCertificate)
    {
        _monitor = monitor;
        _tenant = tenant;
        _loadCertificate = loadCertificate;
        _givenCertificate = givenCertificate;
        _credential = new TenantCredential<TOptions>(monitor, tenant, configuredCredential, credentialFromStrings);
    }

    public TOptions Options => _monitor.Get(_tenant);

    public ConnectorCredential Credential => _credential.Credential;

    /// <summary>The mTLS certificate of the current options (null when none is configured).</summary>
    public X509Certificate2? Certificate()
    {
        var options = Options;
        lock (_gate)
        {
            if (ReferenceEquals(_certificateFor, options)) return _certificate;
            var certificate = _loadCertificate(options);
            // Handlers built from an earlier version may still use the previous certificate: keep it until disposal.
            if (certificate is not null && !ReferenceEquals(certificate, _givenCertificate(options))) _loaded.Add(certificate);
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
