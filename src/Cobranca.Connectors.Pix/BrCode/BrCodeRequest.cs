namespace Cobranca.Connectors.Pix;

/// <summary>
/// What every BR Code carries besides the Pix account: merchant name and city, an optional amount and postal code.
/// Use <see cref="BrCodeStaticRequest"/> (Pix key) or <see cref="BrCodeDynamicRequest"/> (PSP payload URL).
/// </summary>
public abstract class BrCodeRequest
{
    private protected BrCodeRequest()
    {
    }

    /// <summary>
    /// Merchant (recebedor) name, field 59. Accents are stripped, characters outside printable ASCII dropped,
    /// white space collapsed and the result cut to 25 characters; letter case is kept as given.
    /// </summary>
    public required string MerchantName { get; init; }

    /// <summary>Merchant city, field 60. Sanitised like <see cref="MerchantName"/> and cut to 15 characters.</summary>
    public required string MerchantCity { get; init; }

    /// <summary>
    /// Amount in BRL, field 54; null lets the payer type it. Must be positive, with at most two decimals
    /// (never rounded silently) and at most 9,999,999,999.99.
    /// </summary>
    public decimal? Amount { get; init; }

    /// <summary>Optional postal code (CEP), field 61: 8 digits, a hyphen is accepted and removed.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Merchant Category Code, field 52; four digits, <c>0000</c> by default (BACEN examples use it).</summary>
    public string MerchantCategoryCode { get; init; } = "0000";
}
