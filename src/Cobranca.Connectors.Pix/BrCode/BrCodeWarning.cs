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

    /// <summary>
    /// The txid (62/05) has characters other than letters and digits (<c>QRS1-…</c>, <c>RP12345678-2019</c>). EMV allows
    /// them there and banks issue such dynamic codes; the Pix rule (letters and digits) binds generators, so the
    /// builder never writes one. Do not use such a txid to look up a charge at the API Pix, which refuses it.
    /// </summary>
    TxIdNotAlphanumeric,

    /// <summary>The CRC (63) is written in lower case; its value matched. Generators (and the builder) write upper case.</summary>
    LowerCaseCrc,
}
