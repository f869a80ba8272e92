namespace Cobranca.Connectors.Boleto;

/// <summary>An early-payment discount: a fixed amount or a percent of the amount, when paid until <see cref="Until"/> (inclusive).</summary>
/// <param name="Until">Last day the discount applies.</param>
/// <param name="Amount">Fixed discount in BRL (null when <paramref name="Percent"/> is used).</param>
/// <param name="Percent">Discount in percent of the amount (null when <paramref name="Amount"/> is used).</param>
public sealed record BoletoDiscount(DateOnly Until, decimal? Amount = null, decimal? Percent = null);
