namespace Cobranca.Connectors.Abstractions;

/// <summary>The second copy of an invoice: what a customer needs to pay it. Any part the backend lacks is null.</summary>
public sealed class PaymentSlip
{
    /// <summary>The invoice.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>Amount to pay.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Linha digitável (47 or 48 digits, no punctuation).</summary>
    public string? DigitableLine { get; init; }

    /// <summary>Barcode (44 digits).</summary>
    public string? Barcode { get; init; }

    /// <summary>Pix copia-e-cola (BR Code payload).</summary>
    public string? PixCopyPaste { get; init; }

    /// <summary>A link to the PDF, when the backend offers one.</summary>
    public Uri? PdfUrl { get; init; }

    /// <summary>The PDF bytes, when fetched (validated to start with <c>%PDF</c>).</summary>
    public ReadOnlyMemory<byte>? Pdf { get; init; }

    /// <summary>
    /// Why a part the backend could offer is missing (for example "Pix: the gateway timed out"), so the caller can say so
    /// instead of failing the whole second copy. Empty when nothing is missing. Redacted: no personal data or secrets.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
