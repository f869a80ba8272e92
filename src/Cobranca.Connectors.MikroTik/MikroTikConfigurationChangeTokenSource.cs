using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// Lets <see cref="IOptionsMonitor{TOptions}"/> see configuration reloads for one router (what <c>BindConfiguration</c>
/// registers; the registration binds lazily, so it registers this). The same as Cobranca.Connectors.Http's, which this
/// package does not reference.
/// </summary>
internal sealed class MikroTikConfigurationChangeTokenSource(string name, IConfiguration? configuration)
    : IOptionsChangeTokenSource<MikroTikAccessControllerOptions>
{
    private static readonly CancellationChangeToken NeverChanges = new(CancellationToken.None);

    public string Name => name;

    public IChangeToken GetChangeToken() => configuration?.GetReloadToken() ?? NeverChanges;
}
