using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// The telemetry convention shared by every package that does I/O: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/> per package, both named exactly like the package and exposed as <c>ActivitySourceName</c> /
/// <c>MeterName</c> constants on its <c>{X}Telemetry</c> class; attribute names from the OpenTelemetry semantic
/// conventions where one exists (<see cref="ErrorTypeAttribute"/>, <see cref="ServerAddressAttribute"/>,
/// <see cref="HttpRequestMethodAttribute"/>...), otherwise <c>cobranca.*</c>. No personal data or secret is ever a tag.
/// </summary>
public static class ConnectorTelemetry
{
    /// <summary><c>error.type</c> (OpenTelemetry): the full type name of the exception (<see cref="ErrorType"/>).</summary>
    public const string ErrorTypeAttribute = "error.type";

    /// <summary><c>server.address</c> (OpenTelemetry): the host name or IP the connector talks to.</summary>
    public const string ServerAddressAttribute = "server.address";

    /// <summary><c>server.port</c> (OpenTelemetry).</summary>
    public const string ServerPortAttribute = "server.port";

    /// <summary><c>http.request.method</c> (OpenTelemetry).</summary>
    public const string HttpRequestMethodAttribute = "http.request.method";

    /// <summary><c>http.response.status_code</c> (OpenTelemetry).</summary>
    public const string HttpResponseStatusCodeAttribute = "http.response.status_code";

    /// <summary><c>cobranca.provider</c>: the provider name (<c>ixc</c>, <c>mikrotik</c>, <c>pix:efi</c>).</summary>
    public const string ProviderAttribute = "cobranca.provider";

    /// <summary><c>cobranca.tenant</c>: the tenant (registration) name, never a secret.</summary>
    public const string TenantAttribute = "cobranca.tenant";

    /// <summary><c>cobranca.operation</c>: the logical operation (<c>cliente.listar</c>, <c>cob.put</c>).</summary>
    public const string OperationAttribute = "cobranca.operation";

    /// <summary>Histogram (seconds) of logical connector operations, tagged provider, operation, tenant and, on failure, <c>error.type</c>.</summary>
    public const string OperationDurationInstrument = "cobranca.operation.duration";

    /// <summary>Counter of failed logical connector operations (same tags).</summary>
    public const string OperationErrorsInstrument = "cobranca.operation.errors";

    private static readonly ConcurrentDictionary<string, ActivitySource> Sources = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Meter> Meters = new(StringComparer.Ordinal);

    /// <summary>The value of <c>error.type</c> for <paramref name="exception"/>: its full type name.</summary>
    /// <param name="exception">The failure.</param>
    public static string ErrorType(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType();
        return type.FullName ?? type.Name;
    }

    /// <summary>The process-wide <see cref="ActivitySource"/> named <paramref name="name"/> (one per package, created once).</summary>
    /// <param name="name">The package name (the <c>ActivitySourceName</c> constant).</param>
    public static ActivitySource GetActivitySource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Sources.GetOrAdd(name, static n => new ActivitySource(n));
    }

    /// <summary>
    /// The package's <see cref="Meter"/>: from <paramref name="meterFactory"/> when the client was resolved from DI (the
    /// host's <see cref="IMeterFactory"/> owns and scopes it), otherwise a process-wide one per name.
    /// </summary>
    /// <param name="name">The package name (the <c>MeterName</c> constant).</param>
    /// <param name="meterFactory">The host's factory, if any.</param>
    public static Meter GetMeter(string name, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return meterFactory is not null ? meterFactory.Create(name) : Meters.GetOrAdd(name, static n => new Meter(n));
    }
}
