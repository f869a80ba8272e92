namespace Cobranca.Connectors.Boleto;

/// <summary>
/// A boleto to register, provider-neutral. Fine and interest use the same shape as <see cref="LateFeeCalculator"/>
/// (<see cref="LateFeePolicy.FinePercent"/>, <see cref="LateFeePolicy.InterestPercent"/> per
/// <see cref="LateFeePolicy.InterestPeriod"/>), so what the bank charges matches what the SDK quotes.
/// </summary>
public sealed class BoletoRequest
{
    /// <summary>
    /// Your reference for this boleto, chosen deterministically per invoice (<see cref="BoletoReference.ForInvoice"/>):
    /// 1–10 digits. Sent as seuNumero (Inter, Sicoob), numeroTituloBeneficiario + the sequence of numeroTituloCliente
    /// (BB) or custom_id (Efí), and used to find the boleto again after a lost answer. The registrar of
    /// Cobranca.Connectors.Boleto.Providers sets it from the invoice id (<see cref="WithReference"/>).
    /// </summary>
    public string Reference { get; init; } = string.Empty;

    /// <summary>Amount in BRL (more than zero, two decimals).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Due date.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Issue date; null = today (São Paulo) by the provider's clock.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>The payer.</summary>
    public required BoletoPayer Payer { get; init; }

    /// <summary>Fine and interest after the due date (null: none). Only the percents and the period are sent; rounding and caps are the bank's.</summary>
    public LateFeePolicy? LateFees { get; init; }

    /// <summary>Early-payment discount, optional.</summary>
    public BoletoDiscount? Discount { get; init; }

    /// <summary>How many days after the due date the boleto stays payable (default 30; banks cap it: Efí 120).</summary>
    public int DaysPayableAfterDue { get; init; } = 30;

    /// <summary>Register the hybrid boleto (Pix QR) where the provider supports it. Default true.</summary>
    public bool WithPix { get; init; } = true;

    /// <summary>Instruction lines printed on the boleto (banks keep 3–5 lines of ≈ 55–100 characters).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>A copy of this request with another <see cref="Reference"/>.</summary>
    /// <param name="reference">The reference.</param>
    public BoletoRequest WithReference(string reference) => new()
    {
        Reference = reference,
        Amount = Amount,
        DueDate = DueDate,
        IssueDate = IssueDate,
        Payer = Payer,
        LateFees = LateFees,
        Discount = Discount,
        DaysPayableAfterDue = DaysPayableAfterDue,
        WithPix = WithPix,
        Messages = Messages,
    };

    /// <summary>Checks the request; returns the problems found (empty when valid). Never echoes the payer's document.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!BoletoReference.IsValid(Reference)) errors.Add("Reference must be 1 to 10 digits (see BoletoReference.ForInvoice).");
        if (Amount <= 0) errors.Add("Amount must be more than zero.");
        if (decimal.Round(Amount, 2) != Amount) errors.Add("Amount must have at most two decimals.");
        if (Amount > 99_999_999.99m) errors.Add("Amount does not fit a boleto (max 99,999,999.99).");
        if (Payer is null) errors.Add("Payer is required.");
        else
        {
            if (string.IsNullOrWhiteSpace(Payer.Name)) errors.Add("Payer.Name is required.");
            if (string.IsNullOrEmpty(Payer.Document.Value)) errors.Add("Payer.Document must be a valid CPF or CNPJ.");
        }

        if (IssueDate is { } issued && DueDate < issued) errors.Add("DueDate is before IssueDate.");
        if (DaysPayableAfterDue is < 0 or > 120) errors.Add("DaysPayableAfterDue must be between 0 and 120.");
        if (LateFees is { } fees && (fees.FinePercent < 0 || fees.InterestPercent < 0)) errors.Add("LateFees percents cannot be negative.");
        if (Discount is { } d && (d.Amount is null) == (d.Percent is null)) errors.Add("Discount needs exactly one of Amount or Percent.");
        return errors;
    }
}
