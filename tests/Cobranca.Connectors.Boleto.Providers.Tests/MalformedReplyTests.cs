using System.Collections.Concurrent;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Testing.Boleto;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers.Tests;

/// <summary>A bank reply that is not JSON is a typed transport error, logged as a failed request (event 2), like Pix.</summary>
public sealed class MalformedReplyTests
{
    public static TheoryData<string> Banks => new(BankTestContext.AllBanks);

    [Theory, MemberData(nameof(Banks))]
    public async Task A_reply_cut_short_is_a_transport_error_logged_as_a_failed_request(string bank)
    {
        await using var ctx = await BankTestContext.StartAsync();
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var client = ctx.Client(bank, loggers: loggers);
        var created = await client.RegisterAsync(BankTestContext.Request().WithReference("0000000501"));

        ctx.Sandbox.InjectFault(new BoletoSandboxFault { Kind = BoletoSandboxFaultKind.MalformedBody, Bank = bank, Method = "GET" });
        await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetAsync(created.ProviderId));

        var failed = Assert.Single(logs.Entries, e => e.EventId.Id == 2);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.EndsWith("RequestFailed", failed.EventId.Name, StringComparison.Ordinal);
        // The next read is served normally.
        Assert.Equal(created.ProviderId, (await client.GetAsync(created.ProviderId)).ProviderId);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(EventId EventId, LogLevel Level)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<(EventId, LogLevel)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((eventId, logLevel));
        }
    }
}
