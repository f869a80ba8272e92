using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>A sandbox plus a client pointed at it, on a fake clock fixed at 2025-03-20 12:00 in São Paulo.</summary>
internal sealed class IxcTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 20, 12, 0, 0, TimeSpan.FromHours(-3));
    public static readonly DateOnly Today = new(2025, 3, 20);

    private IxcTestHost(IxcSandbox sandbox, IxcClient client, FakeTimeProvider time, IxcClientOptions options)
    {
        Sandbox = sandbox;
        Client = client;
        Time = time;
        Options = options;
    }

    public IxcSandbox Sandbox { get; }
    public IxcClient Client { get; }
    public FakeTimeProvider Time { get; }
    public IxcClientOptions Options { get; }

    public string ExpectedAuthorization => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sandbox.UserId}:{Sandbox.Token}"));

    public static async Task<IxcTestHost> StartAsync(Action<IxcClientOptions>? configure = null, Action<IxcSandboxOptions>? sandbox = null,
        DateTimeOffset? now = null, bool realClock = false, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        var time = new FakeTimeProvider(now ?? Noon);
        var sandboxOptions = new IxcSandboxOptions { TimeProvider = time, GeneratedCustomers = 5 };
        sandbox?.Invoke(sandboxOptions);
        var box = await IxcSandbox.StartAsync(sandboxOptions);
        var options = new IxcClientOptions { BaseAddress = box.BaseUrl, UserId = box.UserId, Token = box.Token };
        options.Resilience.RetryBaseDelay = TimeSpan.Zero; // retries without waiting on the fake clock
        options.Resilience.MaxRetryAttempts = 2;
        configure?.Invoke(options);
        var client = new IxcClient(options, loggerFactory, realClock ? TimeProvider.System : time);
        return new IxcTestHost(box, client, time, options);
    }

    /// <summary>Requests for one table/resource.</summary>
    public IReadOnlyList<IxcSandboxRequest> RequestsTo(string resource) => Sandbox.Requests.Where(r => r.Resource == resource).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }

    /// <summary>The listing body the client must send, built independently of the client's own serializer.</summary>
    public static string ListingBody(string qtype, string query, string oper = "=", int page = 1, int rp = 500,
        string? sortname = null, string sortorder = "asc", string gridParam = "[]")
    {
        var table = qtype[..qtype.IndexOf('.', StringComparison.Ordinal)];
        return "{\"qtype\":" + Quote(qtype) + ",\"query\":" + Quote(query) + ",\"oper\":" + Quote(oper) + ",\"page\":\"" + page +
               "\",\"rp\":\"" + rp + "\",\"sortname\":" + Quote(sortname ?? table + ".id") + ",\"sortorder\":" + Quote(sortorder) +
               ",\"grid_param\":" + Quote(gridParam) + "}";
    }

    public static string Quote(string s) => JsonSerializer.Serialize(s);

    /// <summary>Normalises JSON text for comparison (parse + re-serialise, keeping property order).</summary>
    public static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
