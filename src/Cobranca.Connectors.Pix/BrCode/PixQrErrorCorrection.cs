namespace Cobranca.Connectors.Pix;

/// <summary>The error-correction level of a Pix QR code image (ISO/IEC 18004): how much of the symbol may be lost.</summary>
public enum PixQrErrorCorrection
{
    /// <summary>Level L, about 7 % recoverable: the smallest symbol, for screens only.</summary>
    Low = 0,

    /// <summary>Level M, about 15 % recoverable: the default, a good balance for a code shown on a phone or printed.</summary>
    Medium,

    /// <summary>Level Q, about 25 % recoverable.</summary>
    Quartile,

    /// <summary>Level H, about 30 % recoverable: for print that may get dirty or creased; a denser symbol.</summary>
    High,
}
