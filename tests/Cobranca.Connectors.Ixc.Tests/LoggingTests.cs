using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_carry_operations_and_ids_but_never_documents_phones_or_the_token()
    {
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { GeneratedCustomers = 0 });
        var sink = new ListLoggerFactory();
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token }, sink);

        await client.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.MariaCpf));
        await client.AsAccessController().UnblockAsync(Subscriber.ForContract(IxcSandboxData.MariaContractId));
        sandbox.RejectCallerIp = true;
        await Assert.ThrowsAsync<IxcIpNotAllowedException>(() => client.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse(IxcSandboxData.MariaMobile))));

        Assert.Contains(sink.Lines, l => l.Contains("cliente.listar", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, l => l.Contains("contract 2001: unblock -> Applied", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, l => l.Contains(nameof(IxcIpNotAllowedException), StringComparison.Ordinal));
        foreach (var secret in new[] { IxcSandboxData.MariaCpf, "12345678909", "99876-5432", "9876-5432", sandbox.Token, "senha-1001", "maria.santos@" })
            Assert.DoesNotContain(sink.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    internal sealed class ListLoggerFactory : ILoggerFactory, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

        public ILogger CreateLogger(string categoryName) => this;
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines) _lines.Add($"{logLevel} {eventId.Name}: {formatter(state, exception)} {exception}");
        }
    }
}
