using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>
/// One title movement of a retorno file (CNAB 240: a segment T with its segment U; CNAB 400: one detail record),
/// normalised across banks. Amounts are BRL.
/// </summary>
/// <remarks>
/// Build instances yourself to write a file with <see cref="CnabRetornoWriter"/> (test data, a bank simulator).
/// Text fields keep what the bank wrote (trimmed); only what the layout carries is set.
/// </remarks>
public sealed class CnabMovement
{
    /// <summary>The 1-based line of the record (CNAB 240: the segment T). 0 for an instance not read from a file.</summary>
    public int LineNumber { get; init; }

    /// <summary>The movement (ocorrência) code as the bank wrote it, two digits (e.g. <c>"06"</c>).</summary>
    public required string MovementCode { get; init; }

    /// <summary>The normalised meaning of <see cref="MovementCode"/> for this bank and layout.</summary>
    public required CnabMovementKind Kind { get; init; }

    /// <summary>True for a liquidation (<see cref="CnabMovementKind.Paid"/> or <see cref="CnabMovementKind.PaidAfterWriteOff"/>).</summary>
    public bool IsPayment => Kind is CnabMovementKind.Paid or CnabMovementKind.PaidAfterWriteOff;

    /// <summary>The bank's title number (nosso número) as the field holds it (bank-specific padding and check digit inside).</summary>
    public required string NossoNumero { get; init; }

    /// <summary>Your id from the registration ("uso da empresa" / identificação do título na empresa); null when blank or all zeros.</summary>
    public string? OurReference { get; init; }

    /// <summary>The document number (seu número / número do documento); null when blank or absent from the layout.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The title's due date; null when the bank wrote zeros.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The title's face value (valor do título).</summary>
    public decimal FaceValue { get; init; }

    /// <summary>
    /// What the payer paid (CNAB 240 segment U "valor pago"; CNAB 400 "valor pago/recebido"). Itaú CNAB 400 reports the
    /// credited amount instead: there it is the credited amount plus the fee (see docs/cnab-retorno.md).
    /// </summary>
    public decimal AmountPaid { get; init; }

    /// <summary>What the bank credited to the account (valor líquido), when the layout says; null otherwise.</summary>
    public decimal? NetCredited { get; init; }

    /// <summary>The bank's fee (tarifa / despesa de cobrança).</summary>
    public decimal Fee { get; init; }

    /// <summary>Interest and fine paid (juros de mora / multa / encargos).</summary>
    public decimal InterestAndFine { get; init; }

    /// <summary>Discount granted (desconto).</summary>
    public decimal Discount { get; init; }

    /// <summary>Rebate granted (abatimento).</summary>
    public decimal Rebate { get; init; }

    /// <summary>When it happened (data da ocorrência: the payment date for a liquidation); null when zeros.</summary>
    public DateOnly? OccurrenceDate { get; init; }

    /// <summary>When the money is credited (data do crédito); null when zeros or absent.</summary>
    public DateOnly? CreditDate { get; init; }

    /// <summary>Reason codes (motivos da ocorrência, CNAB 240 segment T 214–223), non-zero pairs only.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>
    /// The dedupe id of this payment, shared by every channel that reports a boleto payment:
    /// <c>boleto:{bank}:{nosso número without leading zeros}:{payment date yyyyMMdd}</c>.
    /// </summary>
    /// <param name="bankCode">The bank's 3-digit code.</param>
    public string PaymentId(string bankCode)
    {
        ArgumentNullException.ThrowIfNull(bankCode);
        var date = OccurrenceDate ?? CreditDate;
        var nosso = NossoNumero.TrimStart('0');
        return string.Create(CultureInfo.InvariantCulture,
            $"boleto:{bankCode}:{(nosso.Length == 0 ? "0" : nosso)}:{date:yyyyMMdd}");
    }

    /// <summary>
    /// This liquidation as a <see cref="PaymentReceived"/> for <c>PaymentToUnblock</c>: <see cref="PaymentReceived.Reference"/>
    /// is <see cref="OurReference"/> (else the document number, else the nosso número), the amount is
    /// <see cref="AmountPaid"/>, paid at the occurrence date (midnight, São Paulo time).
    /// </summary>
    /// <param name="bankCode">The bank's 3-digit code (from <see cref="CnabRetornoFile.BankCode"/>).</param>
    /// <param name="source">The <see cref="PaymentReceived.Source"/> to set.</param>
    /// <exception cref="InvalidOperationException">Not a payment, or no date.</exception>
    public PaymentReceived ToPaymentReceived(string bankCode, string source = "boleto")
    {
        ArgumentNullException.ThrowIfNull(bankCode);
        ArgumentNullException.ThrowIfNull(source);
        if (!IsPayment) throw new InvalidOperationException($"Movement {MovementCode} ({Kind}) is not a payment.");
        var date = OccurrenceDate ?? CreditDate
            ?? throw new InvalidOperationException("The liquidation has neither an occurrence nor a credit date.");
        return new PaymentReceived
        {
            PaymentId = PaymentId(bankCode),
            Source = source,
            Reference = OurReference ?? DocumentNumber ?? NossoNumero,
            Amount = AmountPaid,
            PaidAt = BrazilTime.FromLocal(date.ToDateTime(TimeOnly.MinValue)),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MovementCode} {Kind} nosso número {NossoNumero} {AmountPaid:0.00} on {OccurrenceDate:yyyy-MM-dd}");
}
