namespace Cobranca.Connectors.Pix;

/// <summary>
/// Early-payment discount (<c>desconto</c>) on a <c>cobv</c>. Modalities 1 and 2 use <see cref="FixedDates"/>
/// (1 to 3 dates); modalities 3 to 6 use <see cref="Value"/>.
/// </summary>
public sealed class PixDiscount
{
    /// <summary>The BACEN modality.</summary>
    public required PixDiscountModality Modality { get; init; }

    /// <summary>Per-day value for modalities 3 to 6.</summary>
    public decimal? Value { get; init; }

    /// <summary>Dated steps for modalities 1 and 2 (<c>descontoDataFixa</c>).</summary>
    public IReadOnlyList<PixDiscountDate> FixedDates { get; init; } = [];

    /// <summary>A fixed discount until one or more dates (modality 1).</summary>
    /// <param name="dates">The dated steps.</param>
    public static PixDiscount FixedAmountUntil(params PixDiscountDate[] dates) =>
        new() { Modality = PixDiscountModality.FixedAmountUntilDates, FixedDates = dates };
}
