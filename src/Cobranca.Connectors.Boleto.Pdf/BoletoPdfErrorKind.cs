namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>Why a boleto could not be rendered.</summary>
public enum BoletoPdfErrorKind
{
    /// <summary>A required field is missing or blank.</summary>
    MissingField = 0,

    /// <summary>The linha digitável or the barcode is not a valid boleto bancário (the codec's error is the inner exception).</summary>
    InvalidCode = 1,

    /// <summary>The linha digitável and the barcode are valid but describe different boletos.</summary>
    LineBarcodeMismatch = 2,

    /// <summary>The amount differs from the amount in the barcode.</summary>
    AmountMismatch = 3,

    /// <summary>The due date differs from the due date in the barcode.</summary>
    DueDateMismatch = 4,

    /// <summary>The Pix copia-e-cola cannot be printed (control characters, too long).</summary>
    InvalidPixCode = 5,
}
