using Cobranca.Connectors.Testing.Conformance;
using Cobranca.Connectors.Testing.Sgp;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Sgp.Tests;

/// <summary>An SGP sandbox seeded with the conformance scenario plus a client pointed at it, on a fake clock at the scenario's "now".</summary>
internal sealed class SgpTestHost : IAsyncDisposable
{
    public static readonly ConformanceScenario Scenario = Cobranca.Connectors.Testing.Conformance.Xunit.ConformanceTests.SharedScenario;

    private SgpTestHost(SgpSandbox sandbox, SgpClient client, FakeTimeProvider time, SgpClientOptions options)
    {
        Sandbox = sandbox;
        Client = client;
        Time = time;
        Options = options;
    }

    public SgpSandbox Sandbox { get; }
    public SgpClient Client { get; }
    public FakeTimeProvider Time { get; }
    public SgpClientOptions Options { get; }

    public static async Task<SgpTestHost> StartAsync(Action<SgpClientOptions>? configure = null, Action<SgpSandboxOptions>? sandbox = null)
    {
        var time = new FakeTimeProvider(Scenario.Now);
        var sandboxOptions = new SgpSandboxOptions { TimeProvider = time, Data = Scenario.Data };
        sandbox?.Invoke(sandboxOptions);
        var box = await SgpSandbox.StartAsync(sandboxOptions);
        var options = new SgpClientOptions { BaseAddress = box.BaseUrl, Token = box.Token, App = box.App };
        options.Resilience.RetryBaseDelay = TimeSpan.Zero; // retries without waiting
        options.Resilience.MaxRetryAttempts = 2;
        configure?.Invoke(options);
        return new SgpTestHost(box, new SgpClient(options, timeProvider: time), time, options);
    }

    /// <summary>Requests to one endpoint (<c>titulos</c>, <c>liberacaopromessa</c>, <c>contrato/status/edit</c>, <c>disconnect</c> ...).</summary>
    public IReadOnlyList<SgpSandboxRequest> RequestsTo(string endpoint) => Sandbox.Requests.Where(r => r.Endpoint == endpoint).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
