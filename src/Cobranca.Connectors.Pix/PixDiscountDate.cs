namespace Cobranca.Connectors.Pix;

/// <summary>One <c>descontoDataFixa</c> step: the discount applies when paid on or before <paramref name="Date"/>.</summary>
/// <param name="Date">Last day of this discount (on or before the due date).</param>
/// <param name="Value">Amount (BRL) or percentage, per the discount modality.</param>
public sealed record PixDiscountDate(DateOnly Date, decimal Value);
