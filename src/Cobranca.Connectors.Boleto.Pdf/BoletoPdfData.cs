namespace Cobranca.Connectors.Boleto.Pdf;

/// <summary>
/// What <see cref="BoletoPdfRenderer"/> prints. The linha digitável and barcode are checked against each other, the
/// amount and the due date with the Cobranca.Connectors.Boleto codec before anything is drawn.
/// </summary>
public sealed class BoletoPdfData
{
    /// <summary>The bank's name as printed next to its code (e.g. <c>"Banco do Brasil"</c>); the code comes from the barcode.</summary>
    public required string BankName { get; init; }

    /// <summary>The bank code with its check digit as the bank prints it (e.g. <c>"001-9"</c>); computed when null.</summary>
    public string? BankCodeWithDigit { get; init; }

    /// <summary>The beneficiary (the ISP).</summary>
    public required BoletoPdfParty Beneficiary { get; init; }

    /// <summary>Agência / código do beneficiário, as the bank formats it.</summary>
    public required string AgencyAndCode { get; init; }

    /// <summary>The payer (the customer).</summary>
    public required BoletoPdfParty Payer { get; init; }

    /// <summary>The amount (valor do documento), BRL.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The due date (vencimento).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The linha digitável (47 digits, punctuation allowed).</summary>
    public required string DigitableLine { get; init; }

    /// <summary>The 44-digit barcode.</summary>
    public required string Barcode { get; init; }

    /// <summary>The bank's title number (nosso número), as the bank formats it.</summary>
    public required string NossoNumero { get; init; }

    /// <summary>Your document number (nº do documento / seu número), e.g. the invoice id.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Data do documento (issue date); the processing date when null.</summary>
    public DateOnly? DocumentDate { get; init; }

    /// <summary>Data de processamento; today (São Paulo) when null.</summary>
    public DateOnly? ProcessingDate { get; init; }

    /// <summary>Carteira, as the bank names it (e.g. <c>"17"</c>, <c>"109"</c>, <c>"1/01"</c>).</summary>
    public string? Wallet { get; init; }

    /// <summary>Espécie do documento; default <c>"DS"</c> (duplicata de serviço, what ISPs bill).</summary>
    public string DocumentKind { get; init; } = "DS";

    /// <summary>Local de pagamento.</summary>
    public string PaymentPlace { get; init; } = "Pagável em qualquer banco ou correspondente, mesmo após o vencimento";

    /// <summary>Instruções (texto de responsabilidade do beneficiário): up to 6 lines are printed, long lines are wrapped.</summary>
    public IReadOnlyList<string> Instructions { get; init; } = [];

    /// <summary>
    /// The Pix copia-e-cola of a hybrid boleto (from the bank's registration: never a static-key QR, which would not
    /// settle the boleto). When set, the Pix QR code and the text are printed on the recibo do pagador.
    /// </summary>
    public string? PixCopiaECola { get; init; }
}
