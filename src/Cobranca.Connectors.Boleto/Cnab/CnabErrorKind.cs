namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>Which rule a CNAB retorno file broke.</summary>
public enum CnabErrorKind
{
    /// <summary>The file is empty or has no records.</summary>
    Empty = 0,

    /// <summary>Neither a CNAB 240 nor a CNAB 400 retorno header on line 1.</summary>
    UnknownLayout = 1,

    /// <summary>A remessa (the file sent to the bank), not a retorno.</summary>
    NotARetorno = 2,

    /// <summary>A CNAB 400 file from a bank whose positions are not implemented.</summary>
    UnsupportedBank = 3,

    /// <summary>A line longer than the record (240 or 400 characters).</summary>
    InvalidLineLength = 4,

    /// <summary>A field that must hold digits (or a date) holds something else.</summary>
    InvalidField = 5,

    /// <summary>Records in the wrong order or of the wrong type (a U without its T, a record after the trailer...).</summary>
    InvalidStructure = 6,

    /// <summary>A trailer's record count, title count or total does not match the records of the file.</summary>
    TotalMismatch = 7,

    /// <summary>A record of another bank than the header's, or of the wrong bank for the caller.</summary>
    BankMismatch = 8,
}
