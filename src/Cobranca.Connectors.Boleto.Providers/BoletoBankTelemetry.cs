namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>Telemetry names of this package (one <c>ActivitySource</c> and one <c>Meter</c>, named like the package).</summary>
public static class BoletoBankTelemetry
{
    /// <summary>The ActivitySource name.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Boleto.Providers";

    /// <summary>The Meter name.</summary>
    public const string MeterName = "Cobranca.Connectors.Boleto.Providers";
}
