using Cobranca.Connectors.Testing.Conformance;
using Cobranca.Connectors.Testing.Conformance.Xunit;
using Cobranca.Connectors.Testing.Sgp;
using Xunit.Abstractions;

namespace Cobranca.Connectors.Sgp.Tests;

/// <summary>The conformance kit over SgpClient against the SGP sandbox seeded with the kit's scenario.</summary>
public sealed class SgpConformanceTests(ITestOutputHelper output) : ConformanceTests(output)
{
    protected override async Task<ConformanceTarget> CreateTargetAsync(ConformanceScenario scenario)
    {
        var clock = scenario.TimeProvider;
        var sandbox = await SgpSandbox.StartAsync(new SgpSandboxOptions { TimeProvider = clock, Data = scenario.Data });
        var options = new SgpClientOptions { BaseAddress = sandbox.BaseUrl, Token = sandbox.Token, App = sandbox.App };
        options.Resilience.RetryBaseDelay = TimeSpan.Zero;
        options.Resilience.MaxRetryAttempts = 1;
        var client = new SgpClient(options, timeProvider: clock);
        var target = new ConformanceTarget(client, client.AsAccessController(), async () =>
        {
            client.Dispose();
            await sandbox.DisposeAsync();
        })
        {
            StartOutage = () =>
            {
                sandbox.InjectFault(SgpSandboxFault.HttpStatus(503), times: 1000);
                return new Outage(sandbox.ClearFaults);
            },
        };
        target.Secrets.Add(sandbox.Token);
        return target;
    }

    private sealed class Outage(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
