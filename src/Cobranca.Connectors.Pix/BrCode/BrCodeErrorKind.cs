namespace Cobranca.Connectors.Pix;

/// <summary>What is wrong with a BR Code (Pix copia-e-cola) payload, or with the input of a build.</summary>
public enum BrCodeErrorKind
{
    /// <summary>The payload is null, empty or white space.</summary>
    Empty = 0,

    /// <summary>The payload is longer than 512 characters (the EMV QR and API Pix <c>pixCopiaECola</c> limit).</summary>
    TooLong,

    /// <summary>
    /// A control character or an unpaired surrogate appears in the payload, or an invisible / bidirectional formatting
    /// character (U+202E and the other bidi controls, zero-width characters, BOM, line separators) in any field:
    /// those can make a merchant name display as something else. <see cref="BrCodeException.Tag"/> names the field.
    /// </summary>
    InvalidCharacter,

    /// <summary>A data object ID is not two decimal digits.</summary>
    BadTag,

    /// <summary>A data object length is not two decimal digits, is <c>00</c>, or runs past the end of its container.</summary>
    BadLength,

    /// <summary>The same ID appears twice in one template.</summary>
    DuplicateTag,

    /// <summary>The Payload Format Indicator (00) is not first or the CRC (63) is not last.</summary>
    BadOrder,

    /// <summary>A required data object is absent; <see cref="BrCodeException.Tag"/> names it.</summary>
    MissingField,

    /// <summary>The CRC field (63) is not four hexadecimal digits (lower case is accepted with a warning).</summary>
    MalformedCrc,

    /// <summary>The CRC-16/CCITT-FALSE of the payload does not match the CRC field.</summary>
    CrcMismatch,

    /// <summary>A fixed-format field holds a value the Pix rules forbid (00 not <c>01</c>, 53 not <c>986</c>, 58 not <c>BR</c>, 01 not 11/12, 52 or 61 not digits).</summary>
    InvalidFieldValue,

    /// <summary>No merchant account template (26–51) carries the Pix GUI <c>br.gov.bcb.pix</c>.</summary>
    InvalidGui,

    /// <summary>The Pix key (26/01) does not follow the DICT formatting rules.</summary>
    InvalidPixKey,

    /// <summary>
    /// The payload URL (26/25, or 80/25 for Pix Automático) is not <c>host[:port]/path</c> in printable ASCII: empty,
    /// too long (77), with a scheme (<c>https://</c>), white space, non-ASCII, user information (<c>@</c>) before
    /// the host, a host that is not a DNS name, a bad port, an empty path or a character not allowed in a URL path.
    /// </summary>
    InvalidUrl,

    /// <summary>The Pix template has both a key (01) and a URL (25), or more than one template carries the Pix GUI.</summary>
    ConflictingFields,

    /// <summary>The amount (54) is not a positive decimal with at most two decimals and 13 characters.</summary>
    InvalidAmount,

    /// <summary>
    /// The reference label / txid (62/05) is longer than 35 characters (parse), or, when building, not <c>***</c>
    /// or 1 to 25 letters and digits. Parsing accepts other printable characters with <see cref="BrCodeWarning.TxIdNotAlphanumeric"/>.
    /// </summary>
    InvalidTxId,

    /// <summary>Build: the merchant name is empty after sanitising.</summary>
    InvalidMerchantName,

    /// <summary>Build: the merchant city is empty after sanitising.</summary>
    InvalidMerchantCity,

    /// <summary>Build: a value does not fit its field (additional information over 72 characters, template over 99).</summary>
    FieldTooLong,
}
