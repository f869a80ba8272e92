namespace Cobranca.Connectors.Pix;

/// <summary>Fine (<c>multa</c>) charged once when a <c>cobv</c> is paid after its due date.</summary>
/// <param name="Modality">Fixed amount or percentage.</param>
/// <param name="Value">The amount (BRL) or the percentage (2.00 = 2 %), per <paramref name="Modality"/>.</param>
public sealed record PixFine(PixFineModality Modality, decimal Value)
{
    /// <summary>A percentage fine, e.g. <c>Percentage(2m)</c> for 2 %.</summary>
    /// <param name="percent">Percent of the original amount.</param>
    public static PixFine Percentage(decimal percent) => new(PixFineModality.Percentage, percent);
}
