using Cobranca.Connectors.MkAuth;
using Cobranca.Connectors.Testing.MkAuth;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.MkAuth.Tests;

/// <summary>A sandbox plus a client pinned to its certificate, on a fake clock fixed at 2026-03-20 12:00 in São Paulo.</summary>
internal sealed class MkAuthTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 20, 12, 0, 0, TimeSpan.FromHours(-3));
    public static readonly DateOnly Today = new(2026, 3, 20);

    private MkAuthTestHost(MkAuthSandbox sandbox, MkAuthClient client, FakeTimeProvider time, MkAuthClientOptions options)
    {
        Sandbox = sandbox;
        Client = client;
        Time = time;
        Options = options;
    }

    public MkAuthSandbox Sandbox { get; }
    public MkAuthClient Client { get; }
    public FakeTimeProvider Time { get; }
    public MkAuthClientOptions Options { get; }

    public static async Task<MkAuthTestHost> StartAsync(MkAuthSandboxProfile profile = MkAuthSandboxProfile.Current,
        Action<MkAuthClientOptions>? configure = null, Action<MkAuthSandboxOptions>? sandbox = null, IMkAuthTrustUnlockStore? store = null)
    {
        var time = new FakeTimeProvider(Noon);
        var sandboxOptions = new MkAuthSandboxOptions { Profile = profile, TimeProvider = time, GeneratedCustomers = 5 };
        sandbox?.Invoke(sandboxOptions);
        var box = await MkAuthSandbox.StartAsync(sandboxOptions);
        var options = Connect(box);
        configure?.Invoke(options);
        var client = store is null ? new MkAuthClient(options, timeProvider: time) : new MkAuthClient(options, store, timeProvider: time);
        return new MkAuthTestHost(box, client, time, options);
    }

    public static MkAuthClientOptions Connect(MkAuthSandbox box)
    {
        var options = new MkAuthClientOptions { BaseAddress = box.BaseAddress, ClientId = box.ClientId, ClientSecret = box.ClientSecret };
        options.PinnedCertificateThumbprints.Add(box.CertificateSha256);
        options.Resilience.RetryBaseDelay = TimeSpan.Zero; // retries without waiting on the fake clock
        options.Resilience.MaxRetryAttempts = 2;
        return options;
    }

    /// <summary>The API requests (not the token) for one route, in order.</summary>
    public IReadOnlyList<MkAuthSandboxRequest> RequestsTo(string route) => Sandbox.Requests.Where(r => r.Route == route).ToList();

    /// <summary>Paths requested since <paramref name="from"/>, token and probes excluded.</summary>
    public IReadOnlyList<string> PathsSince(int from) =>
        Sandbox.Requests.Skip(from).Where(r => r.Route != "token").Select(r => $"{r.Method} {r.Path}").ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
