using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Conventions.Tests.Fixtures;

// Deliberately wrong types: each convention rule must report them (see IdiomConventionTests). Not used otherwise.

/// <summary>Wrong: not sealed, no interface, protected constructor, ILogger&lt;T&gt;, ConnectorValidationException for bad options.</summary>
public class WrongClient
{
    public WrongClient(WrongClientOptions options, ILogger<WrongClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = logger;
        if (string.IsNullOrEmpty(options.BaseUrl)) throw new ConnectorValidationException("wrong", "configure", "BaseUrl is required.");
    }

    protected WrongClient()
    {
    }
}

/// <summary>Wrong: string BaseUrl, a clock inside, another pin name, internal Validate, a mutable Resilience, prints its token.</summary>
public sealed class WrongClientOptions
{
    public string BaseUrl { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public TimeProvider? TimeProvider { get; set; }

    public IList<string> PinnedServerCertificates { get; } = new List<string>();

    public Cobranca.Connectors.Http.ConnectorResilienceOptions Retry { get; set; } = new();

    internal IReadOnlyList<string> Validate() => string.IsNullOrEmpty(BaseUrl) ? ["BaseUrl is required."] : [];

    public override string ToString() => $"{BaseUrl} with token {Token}";
}

/// <summary>Wrong: a telemetry class whose names are not constants nor the package name.</summary>
public static class WrongTelemetry
{
    public const string ActivitySourceName = "Wrong";

    public static readonly string MeterName = "Cobranca.Connectors.Conventions.Tests";
}

/// <summary>Wrong: only a custom constructor.</summary>
public sealed class WrongException : ConnectorException
{
    public WrongException(string operation)
        : base("wrong", operation, "Something failed.")
    {
    }
}

/// <summary>Wrong: British spelling in a public API.</summary>
public static class WrongNaming
{
    public static string Normalise(string value) => value.Trim();
}

/// <summary>Wrong: a new ActivitySource per instance.</summary>
public sealed class PerInstanceTelemetryClient : IDisposable
{
    public const string SourceName = "Cobranca.Connectors.Conventions.Tests.PerInstance";

    private readonly ActivitySource _source = new(SourceName);

    public void Dispose() => _source.Dispose();
}
