namespace Cobranca.Connectors.Pix;

/// <summary>
/// Something a lenient parse accepted although a conforming generator would not produce it. Real-world codes break
/// some limits (long merchant names, accents), and paying apps still accept them; the builder never produces these.
/// </summary>
public enum BrCodeWarning
{
    /// <summary>The merchant name (59) is longer than 25 characters.</summary>
    MerchantNameTooLong = 0,

    /// <summary>The merchant city (60) is longer than 15 characters.</summary>
    MerchantCityTooLong,

    /// <summary>The payload has non-ASCII characters (accents); some paying apps refuse them. The CRC was checked over UTF-8.</summary>
    NonAsciiCharacters,

    /// <summary>The Pix key is an EVP or e-mail with upper-case letters (DICT keys are lower-case).</summary>
    NonCanonicalPixKey,

    /// <summary>The Additional Data Field template (62) or its reference label (05) is absent.</summary>
    MissingReferenceLabel,

    /// <summary>A static code carries a txid longer than 25 characters.</summary>
    TxIdTooLongForStaticCode,
}
