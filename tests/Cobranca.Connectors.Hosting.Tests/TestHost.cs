using System.Collections.Concurrent;
using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Hosting.Tests;

/// <summary>Builds a generic host with AddCobranca over an in-memory configuration.</summary>
internal static class TestHost
{
    public static IHost Build(IDictionary<string, string?> configuration, TimeProvider? time = null, string environment = "Production",
        INotificationSender? sender = null, LogSink? logs = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = environment,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        if (time is not null) builder.Services.AddSingleton(time);
        if (sender is not null) builder.Services.AddSingleton(sender);
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.Services.AddCobranca(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

/// <summary>Records every notification (a real sender would call WhatsApp).</summary>
internal sealed class RecordingSender : INotificationSender
{
    public ConcurrentQueue<DunningNotification> Sent { get; } = new();

    public Task SendAsync(DunningNotification notification, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}

/// <summary>Collects log entries.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }
}
