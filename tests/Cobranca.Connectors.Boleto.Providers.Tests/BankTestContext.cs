using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Testing.Boleto;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>A sandbox, a fake clock shared by sandbox and client, and a client per bank.</summary>
internal sealed class BankTestContext : IAsyncDisposable
{
    private readonly List<BoletoBankClient> _clients = [];

    private BankTestContext(BoletoBankSandbox sandbox, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Time = time;
    }

    public BoletoBankSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public static readonly string[] AllBanks = ["inter", "sicoob", "bb", "efi"];

    public static async Task<BankTestContext> StartAsync(Func<FakeTimeProvider, BoletoBankSandboxOptions>? options = null)
    {
        // A weekday morning in São Paulo, far from midnight.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero));
        var sandbox = await BoletoBankSandbox.StartAsync(options?.Invoke(time) ?? new BoletoBankSandboxOptions { TimeProvider = time });
        return new BankTestContext(sandbox, time);
    }

    public static BoletoBank BankOf(string bank) => bank switch
    {
        "inter" => BoletoBank.Inter,
        "sicoob" => BoletoBank.Sicoob,
        "bb" => BoletoBank.BancoDoBrasil,
        _ => BoletoBank.Efi,
    };

    public BoletoBankClientOptions Options(string bank)
    {
        var o = new BoletoBankClientOptions
        {
            Bank = BankOf(bank),
            BaseAddress = Sandbox.BaseAddressOf(bank),
            ClientId = Sandbox.ClientId,
            ClientSecret = bank == "sicoob" ? null : Sandbox.ClientSecret,
            ClientNumber = bank == "sicoob" ? Sandbox.Options.SicoobClientNumber : null,
            Convenio = bank == "bb" ? Sandbox.Options.BancoDoBrasilConvenio : null,
            ApplicationKey = bank == "bb" ? Sandbox.Options.BancoDoBrasilApplicationKey : null,
        };
        o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        o.Resilience.TotalTimeout = TimeSpan.FromSeconds(10);
        o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        return o;
    }

    public BoletoBankClient Client(string bank, Action<BoletoBankClientOptions>? tweak = null, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null)
    {
        var o = Options(bank);
        tweak?.Invoke(o);
        // The resilience pipeline's timeouts run on the system clock: the fake clock drives tokens and dates only.
        var client = new BoletoBankClient(o, loggers, new SplitClock(Time));
        _clients.Add(client);
        return client;
    }

    public DateOnly Today => BrazilTime.Today(Time);

    public static BoletoRequest Request(decimal amount = 129.90m, DateOnly? due = null, bool withPix = true) => new()
    {
        Amount = amount,
        DueDate = due ?? new DateOnly(2026, 3, 20),
        Payer = new BoletoPayer
        {
            Name = "Maria da Silva", Document = Document.Parse("529.982.247-25"), Street = "Rua das Flores", Number = "10",
            District = "Centro", City = "São Paulo", State = "SP", ZipCode = "01001-000", Email = "maria@example.com",
        },
        LateFees = new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m },
        Messages = ["Fatura de internet"],
        WithPix = withPix,
    };

    public IReadOnlyList<BoletoSandboxRequest> Calls(string bank, string? method = null, string? pathContains = null) =>
        [.. Sandbox.Requests.Where(r => r.Bank == bank && (method is null || r.Method == method) && (pathContains is null || r.Path.Contains(pathContains, StringComparison.Ordinal)))];

    public static JsonObject Body(BoletoSandboxRequest request) => (JsonObject)JsonNode.Parse(request.Body)!;

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await Sandbox.DisposeAsync();
    }

    /// <summary>Wall-clock timers (so HTTP timeouts work) with the fake clock's "now" (so tokens and dates are controlled).</summary>
    private sealed class SplitClock(FakeTimeProvider fake) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
