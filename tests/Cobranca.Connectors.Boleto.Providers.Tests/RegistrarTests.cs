using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing.Boleto;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>Never two boletos for one invoice, whatever happens to the create's answer.</summary>
public sealed class RegistrarTests
{
    public static TheoryData<string> Banks => new(BankTestContext.AllBanks);

    private static BoletoRegistrar Registrar(BankTestContext ctx, IBoletoProvider client, IStateStore? store = null) =>
        new(client, store ?? new InMemoryStateStore(BoletoRegistrar.Collection, ctx.Time), timeProvider: ctx.Time);

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task The_bank_registers_but_the_answer_is_lost_and_exactly_one_boleto_exists(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var registrar = Registrar(ctx, client);
        ctx.Sandbox.InjectFault(new BoletoSandboxFault { Kind = BoletoSandboxFaultKind.ResponseLost, Bank = bank, Method = "POST", PathContains = bank == "efi" ? "/charge/one-step" : "/bo" });
        if (bank == "inter") ctx.Sandbox.InjectFault(new BoletoSandboxFault { Kind = BoletoSandboxFaultKind.ResponseLost, Bank = bank, Method = "POST", PathContains = "/cobrancas" });

        var first = await registrar.RegisterAsync("7001", BankTestContext.Request(), customerId: "c-1");
        Assert.Equal(BoletoRegistrationOutcome.Recovered, first.Outcome);
        Assert.Equal("0000007001", first.Reference);
        Assert.Equal(1, ctx.Sandbox.CountByReference(bank, "0000007001"));

        var creates = ctx.Calls(bank, "POST").Count(r => !r.Path.Contains("token", StringComparison.Ordinal) && !r.Path.Contains("authorize", StringComparison.Ordinal));
        var second = await registrar.RegisterAsync("7001", BankTestContext.Request());
        Assert.Equal(BoletoRegistrationOutcome.AlreadyRegistered, second.Outcome);
        Assert.Equal(first.Boleto.ProviderId, second.Boleto.ProviderId);
        Assert.Equal(creates, ctx.Calls(bank, "POST").Count(r => !r.Path.Contains("token", StringComparison.Ordinal) && !r.Path.Contains("authorize", StringComparison.Ordinal)));
        Assert.Equal(1, ctx.Sandbox.CountByReference(bank, "0000007001"));

        var link = await registrar.FindInvoiceAsync("0000007001");
        Assert.Equal(new BoletoInvoiceLink("0000007001", "7001", "c-1", first.Boleto.ProviderId), link);
    }

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task A_create_that_never_reached_the_bank_is_sent_again_only_after_the_lookup_and_the_grace_period(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client(bank);
        var registrar = Registrar(ctx, client);
        ctx.Sandbox.InjectFault(new BoletoSandboxFault { Kind = BoletoSandboxFaultKind.ServerError, Bank = bank, Method = "POST", PathContains = bank == "efi" ? "/charge/one-step" : "/bo" });
        if (bank == "inter") ctx.Sandbox.InjectFault(new BoletoSandboxFault { Kind = BoletoSandboxFaultKind.ServerError, Bank = bank, Method = "POST", PathContains = "/cobrancas" });

        // 503: the bank may or may not have it. Looked up, not found: pending, nothing resent.
        var pending = await Assert.ThrowsAsync<BoletoRegistrationPendingException>(() => registrar.RegisterAsync("7002", BankTestContext.Request()));
        Assert.NotNull(pending.RetryAfter);
        await Assert.ThrowsAsync<BoletoRegistrationPendingException>(() => registrar.RegisterAsync("7002", BankTestContext.Request()));
        Assert.Equal(0, ctx.Sandbox.CountByReference(bank, "0000007002"));

        ctx.Time.Advance(TimeSpan.FromMinutes(16));
        var created = await registrar.RegisterAsync("7002", BankTestContext.Request());
        Assert.Equal(BoletoRegistrationOutcome.Created, created.Outcome);
        Assert.Equal(1, ctx.Sandbox.CountByReference(bank, "0000007002"));
    }

    [Fact]
    public async Task A_refused_create_releases_the_claim_so_a_corrected_one_can_be_sent()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb", o => o.Convenio = 1234567); // the sandbox knows only its own convênio
        var registrar = Registrar(ctx, client);
        await Assert.ThrowsAsync<ConnectorValidationException>(() => registrar.RegisterAsync("7003", BankTestContext.Request()));
        var good = Registrar(ctx, ctx.Client("bb"));
        Assert.Equal(BoletoRegistrationOutcome.Created, (await good.RegisterAsync("7003", BankTestContext.Request())).Outcome);
    }

    [Fact]
    public async Task Two_invoices_on_one_reference_are_refused_before_anything_is_sent()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("inter");
        var registrar = Registrar(ctx, client);
        await registrar.RegisterAsync("123", BankTestContext.Request());
        var posts = ctx.Calls("inter", "POST").Count;
        var ex = await Assert.ThrowsAsync<BoletoReferenceConflictException>(() => registrar.RegisterAsync("0000000123", BankTestContext.Request()));
        Assert.Equal("123", ex.ExistingInvoiceId);
        Assert.Equal(posts, ctx.Calls("inter", "POST").Count);
    }

    [Fact]
    public async Task A_create_in_flight_elsewhere_is_not_sent_again()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("sicoob");
        var store = new InMemoryStateStore(BoletoRegistrar.Collection, ctx.Time);
        // Another worker claimed the invoice a moment ago and is still waiting for the bank.
        await store.TryAddAsync("boleto:sicoob/invoice/7004",
            $$"""{"v":1,"reference":"0000007004","state":"sending","sentAt":"{{ctx.Time.GetUtcNow():O}}","issuedOn":"{{ctx.Today:yyyy-MM-dd}}"}""");
        var registrar = Registrar(ctx, client, store);
        await Assert.ThrowsAsync<BoletoRegistrationPendingException>(() => registrar.RegisterAsync("7004", BankTestContext.Request()));
        Assert.Empty(ctx.Calls("sicoob", "POST", "/boletos"));
    }

    [Fact]
    public async Task The_claim_survives_a_restart_on_sqlite()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb");
        var path = Path.Combine(Path.GetTempPath(), $"boleto-ref-{Guid.NewGuid():N}.db");
        try
        {
            string providerId;
            {
                var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
                await store.MigrateAsync();
                var registrar = Registrar(ctx, client, store.GetStateStore("isp", BoletoRegistrar.Collection));
                providerId = (await registrar.RegisterAsync("7005", BankTestContext.Request(), "c-5")).Boleto.ProviderId;
            }

            {
                var reopened = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
                await reopened.MigrateAsync();
                var registrar = Registrar(ctx, client, reopened.GetStateStore("isp", BoletoRegistrar.Collection));
                var again = await registrar.RegisterAsync("7005", BankTestContext.Request());
                Assert.Equal(BoletoRegistrationOutcome.AlreadyRegistered, again.Outcome);
                Assert.Equal(providerId, again.Boleto.ProviderId);
                Assert.Equal("c-5", (await registrar.FindInvoiceAsync("0000007005"))?.CustomerId);
            }

            Assert.Equal(1, ctx.Sandbox.CountByReference("bb", "0000007005"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public void The_reference_rule_is_deterministic()
    {
        Assert.Equal("0000000042", BoletoReference.ForInvoice("42"));
        Assert.Equal(BoletoReference.ForInvoice("FAT-2026-03/17"), BoletoReference.ForInvoice("FAT-2026-03/17"));
        Assert.True(BoletoReference.IsValid(BoletoReference.ForInvoice("FAT-2026-03/17")));
        Assert.NotEqual(BoletoReference.ForInvoice("42"), BoletoReference.ForInvoice("42", attempt: 1));
        Assert.NotEqual(BoletoReference.ForInvoice("12345678901"), BoletoReference.ForInvoice("12345678902"));
        Assert.Throws<ArgumentException>(() => BoletoReference.ForInvoice(" "));
    }

    [Fact]
    public async Task An_in_memory_reference_store_is_warned_about_and_a_durable_one_is_not()
    {
        await using var ctx = await BankTestContext.StartAsync();
        var client = ctx.Client("bb");
        var logger = new WarningCollector();
        _ = new BoletoRegistrar(client, new InMemoryStateStore(BoletoRegistrar.Collection), logger: logger);
        var warning = Assert.Single(logger.Warnings);
        Assert.Contains("process memory", warning, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"boleto-ref-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = path });
            _ = new BoletoRegistrar(client, store.GetStateStore("isp", BoletoRegistrar.Collection), logger: logger);
            Assert.Single(logger.Warnings);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    private sealed class WarningCollector : Microsoft.Extensions.Logging.ILogger<BoletoRegistrar>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
