using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The credential of one DI tenant, kept current: built from the tenant's options when first needed, and updated in
/// place when <see cref="IOptionsMonitor{TOptions}"/> reports new options (a configuration reload with a rotated
/// token or secret), so the running client uses it on its next request without a restart. When the options carry their
/// own <see cref="ConnectorCredential"/> object, that object is used as is (the application rotates it).
/// </summary>
internal sealed class TenantCredential<TOptions> : IDisposable
    where TOptions : class
{
    private readonly IDisposable? _subscription;

    public TenantCredential(IOptionsMonitor<TOptions> monitor, string tenant, Func<TOptions, ConnectorCredential?> configured,
        Func<TOptions, ConnectorCredential> fromStrings)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var options = monitor.Get(tenant);
        Credential = configured(options) ?? fromStrings(options);
        _subscription = monitor.OnChange((changed, name) =>
        {
            if (!string.Equals(name, tenant, StringComparison.Ordinal)) return;
            var source = configured(changed) ?? fromStrings(changed);
            if (ReferenceEquals(source, Credential)) return;
            var (user, secret) = source;
            Credential.Update(user, secret);
        });
    }

    public ConnectorCredential Credential { get; }

    public void Dispose() => _subscription?.Dispose();
}
