namespace Cobranca.Connectors.Pix;

/// <summary>One cycle's charge of an approved recurrence (<c>PUT /cobr/{txid}</c> or <c>POST /cobr</c>).</summary>
public sealed class PixRecurringChargeRequest
{
    /// <summary>The recurrence (<c>idRec</c>).</summary>
    public required string RecurrenceId { get; init; }

    /// <summary>The settlement date (<c>calendario.dataDeVencimento</c>). Send it 10 to 2 days ahead (the window is PSP/regulation defined).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The amount (<c>valor.original</c>).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Your receiving account number (<c>recebedor.conta</c>, must belong to you).</summary>
    public required string ReceiverAccount { get; init; }

    /// <summary>Account type: <c>CORRENTE</c> (default), <c>POUPANCA</c> or <c>PAGAMENTO</c>.</summary>
    public string ReceiverAccountType { get; init; } = "CORRENTE";

    /// <summary>Your branch (up to 4 digits), when the PSP needs it.</summary>
    public string? ReceiverBranch { get; init; }

    /// <summary>Move a non-business due date to the next business day (default true).</summary>
    public bool AdjustToBusinessDay { get; init; } = true;

    /// <summary>Text for the payer (<c>infoAdicional</c>, up to 140 characters).</summary>
    public string? Information { get; init; }
}
