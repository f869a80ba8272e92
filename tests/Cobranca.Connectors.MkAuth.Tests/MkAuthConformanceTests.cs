using Cobranca.Connectors.Testing.Conformance;
using Cobranca.Connectors.Testing.Conformance.Xunit;
using Cobranca.Connectors.Testing.MkAuth;
using Xunit.Abstractions;

namespace Cobranca.Connectors.MkAuth.Tests;

/// <summary>
/// The conformance kit over MkAuthClient (HTTPS, pinned) against the MK-Auth sandbox seeded with the kit's scenario.
/// MK-Auth's customer is the person's first login, so the kit sees the data set's customer ids through
/// <see cref="MkAuthDataSetIds"/> (customer ids only; everything else is the connector's own answer).
/// </summary>
public abstract class MkAuthConformanceTests(ITestOutputHelper output, MkAuthSandboxProfile profile) : ConformanceTests(output)
{
    protected override async Task<ConformanceTarget> CreateTargetAsync(ConformanceScenario scenario)
    {
        var sandbox = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { Profile = profile, TimeProvider = scenario.TimeProvider, Data = scenario.Data });
        var options = MkAuthTestHost.Connect(sandbox);
        options.Resilience.MaxRetryAttempts = 1;
        var client = new MkAuthClient(options, timeProvider: scenario.TimeProvider);
        await client.DetectAsync(); // capabilities are known before the kit reads Info
        var view = new MkAuthDataSetIds(sandbox, client.AsBillingSystem(), client.AsAccessController());
        var target = new ConformanceTarget(view, view, async () =>
        {
            client.Dispose();
            await sandbox.DisposeAsync();
        })
        {
            StartOutage = () =>
            {
                sandbox.InjectFault(MkAuthSandboxFault.HttpStatus(503), times: 1000);
                return new Outage(sandbox);
            },
        };
        target.Secrets.Add(sandbox.ClientSecret);
        return target;
    }

    private sealed class Outage(MkAuthSandbox sandbox) : IDisposable
    {
        public void Dispose() => sandbox.ClearFaults();
    }
}

public sealed class MkAuthCurrentConformanceTests(ITestOutputHelper output) : MkAuthConformanceTests(output, MkAuthSandboxProfile.Current);

public sealed class MkAuthLegacyConformanceTests(ITestOutputHelper output) : MkAuthConformanceTests(output, MkAuthSandboxProfile.Legacy);
