namespace Cobranca.Connectors.Pix;

/// <summary>Names of the package's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
/// <remarks>
/// API calls follow the shared convention: spans <c>pix:{provider}.{operation}</c> (<c>cob.put</c>, <c>pix.get</c>…)
/// tagged with <c>cobranca.provider</c>, <c>cobranca.tenant</c>, <c>http.response.status_code</c> and
/// <c>error.type</c>; instruments <c>cobranca.operation.duration</c> and <c>cobranca.operation.errors</c>. The payment
/// pipeline adds spans <c>webhook.handle</c> and <c>pix.reconcile</c> and the counter <c>cobranca.pix.payments</c>
/// (PaymentReceived raised, tag <c>channel</c> = webhook or reconciliation). No key, document or token is ever tagged.
/// </remarks>
public static class PixTelemetry
{
    /// <summary>The ActivitySource name: the package name.</summary>
    public const string ActivitySourceName = "Cobranca.Connectors.Pix";

    /// <summary>The Meter name: the package name.</summary>
    public const string MeterName = "Cobranca.Connectors.Pix";
}
