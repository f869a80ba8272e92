using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Tells <see cref="IOptionsMonitor{TOptions}"/> that a tenant's options change when the host's configuration reloads
/// (what <c>BindConfiguration</c> registers; the registrations bind lazily, so they register this instead). The
/// configuration is optional: without one, nothing ever changes.
/// </summary>
internal sealed class TenantConfigurationChangeTokenSource<TOptions>(string tenant, IConfiguration? configuration) : IOptionsChangeTokenSource<TOptions>
{
    public string Name => tenant;

    public IChangeToken GetChangeToken() => configuration?.GetReloadToken() ?? NeverChanges;

    private static readonly CancellationChangeToken NeverChanges = new(CancellationToken.None);
}
