namespace Cobranca.Connectors.Pix;

/// <summary>Names of the package's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
/// <remarks>
/// Activities are named after the operation (<c>cob.put</c>, <c>pix.get</c>, <c>webhook.handle</c>…) and tagged with
/// <c>cobranca.provider</c>, <c>cobranca.operation</c> and <c>http.response.status_code</c>; no key, document or
/// token is ever tagged. Metrics: <c>cobranca.pix.requests</c> (counter, tags <c>operation</c>, <c>outcome</c>) and
/// <c>cobranca.pix.payments</c> (counter of PaymentReceived raised, tag <c>channel</c> = webhook or reconciliation).
/// </remarks>
public static class PixTelemetry
{
    /// <summary>The ActivitySource name: the package name.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Pix";

    /// <summary>The Meter name: the package name.</summary>
    public const string MeterName = "Cobranca.Connectors.Pix";
}
