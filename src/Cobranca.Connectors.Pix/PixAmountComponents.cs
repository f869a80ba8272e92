namespace Cobranca.Connectors.Pix;

/// <summary>
/// How the PSP composed the amount paid (<c>componentesValor</c>): paid = original + fine + interest − abatement − discount.
/// Trust these numbers over a local calculation.
/// </summary>
public sealed class PixAmountComponents
{
    /// <summary>Original amount.</summary>
    public decimal? Original { get; init; }

    /// <summary>Fine charged.</summary>
    public decimal? Fine { get; init; }

    /// <summary>Interest charged.</summary>
    public decimal? Interest { get; init; }

    /// <summary>Discount granted.</summary>
    public decimal? Discount { get; init; }

    /// <summary>Abatement granted.</summary>
    public decimal? Abatement { get; init; }
}
