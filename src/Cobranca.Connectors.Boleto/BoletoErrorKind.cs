namespace Cobranca.Connectors.Boleto;

/// <summary>What is wrong with a barcode or linha digitável.</summary>
public enum BoletoErrorKind
{
    /// <summary>The input is null, empty or white space.</summary>
    Empty = 0,

    /// <summary>A character other than a digit, a space, <c>.</c> or <c>-</c> appears (white space around the code is ignored).</summary>
    InvalidCharacter,

    /// <summary>
    /// Punctuation is present but not in a printed layout. Accepted: digits only; for 47 digits
    /// <c>AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE</c> (or the same without dots); for 48 digits
    /// <c>AAAAAAAAAAA-A BBBBBBBBBBB-B ...</c>, the same with spaces for hyphens, or four blocks of 12. Runs of spaces count as one.
    /// </summary>
    InvalidFormat,

    /// <summary>The number of digits is not 44 (barcode), 47 (linha digitável) or 48 (arrecadação).</summary>
    InvalidLength,

    /// <summary>A field (47) or block (48) check digit does not match; <see cref="BoletoException.Field"/> says which (1-based).</summary>
    InvalidFieldCheckDigit,

    /// <summary>The general check digit (barcode position 5, or 4 for arrecadação) does not match.</summary>
    InvalidCheckDigit,

    /// <summary>The currency code is neither 9 (Real) nor 0 (variable currency).</summary>
    InvalidCurrency,

    /// <summary>The due-date factor is between 0001 and 0999, which no boleto issued since July 2000 can carry.</summary>
    InvalidDueDateFactor,

    /// <summary>A 48-digit line does not start with 8 (the arrecadação product code).</summary>
    InvalidProductCode,

    /// <summary>The arrecadação value identifier (3rd digit) is not 6, 7, 8 or 9.</summary>
    InvalidValueIdentifier,
}
