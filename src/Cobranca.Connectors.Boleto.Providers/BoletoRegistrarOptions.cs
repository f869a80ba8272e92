namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>Timing rules of <see cref="BoletoRegistrar"/>.</summary>
public sealed class BoletoRegistrarOptions
{
    /// <summary>A create started less than this long ago is treated as in flight (another worker): no second send. Default 2 minutes.</summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After a create lost its answer and the bank showed nothing, wait this long before sending again (asynchronous
    /// registration can lag). Default 15 minutes.
    /// </summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(15);
}
