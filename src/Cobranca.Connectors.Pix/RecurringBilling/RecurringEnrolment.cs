using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>A customer to enrol in Pix Automático.</summary>
public sealed class RecurringEnrolment
{
    /// <summary>The billing system's customer id (the enrolment's key).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The contract id (<c>vinculo.contrato</c>, up to 35 characters).</summary>
    public required string Contract { get; init; }

    /// <summary>The payer's CPF or CNPJ.</summary>
    public required Document Document { get; init; }

    /// <summary>The payer's name.</summary>
    public required string Name { get; init; }

    /// <summary>What is charged, shown to the payer (up to 35 characters).</summary>
    public string Description { get; init; } = "Internet banda larga";

    /// <summary>The next due date (the recurrence's first payment).</summary>
    public required DateOnly FirstDueDate { get; init; }

    /// <summary>The floor of the payer's maximum (the cheapest plan); null = no amount rule.</summary>
    public decimal? MinimumAmount { get; init; }

    /// <summary>
    /// Journey 4: the txid of a cobv the same QR code pays (this month's invoice, e.g. the batch cobv of
    /// <see cref="RecurringInvoiceOutcome.DueChargeIssued"/>): the customer pays it and authorises the recurrence in one
    /// reading. The cobv must have a location (the PSP returns no composite QR otherwise). Not with the journey-1 fields.
    /// </summary>
    public string? DueChargeTxid { get; init; }

    /// <summary>
    /// Journey 3: the txid of an immediate charge (cob, with a location) paid together with the authorisation
    /// (<c>ativacao.dadosJornada.txid</c>). Not with <see cref="DueChargeTxid"/> nor the journey-1 fields.
    /// </summary>
    public string? ImmediateChargeTxid { get; init; }

    /// <summary>Journey 1: the ISPB of the payer's bank (with <see cref="BankAccount"/>); null → a journey-2 QR code.</summary>
    public string? BankIspb { get; init; }

    /// <summary>Journey 1: the payer's account.</summary>
    public string? BankAccount { get; init; }

    /// <summary>Journey 1: the payer's branch.</summary>
    public string? BankBranch { get; init; }
}
