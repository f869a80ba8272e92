namespace Cobranca.Connectors.Boleto.Cnab;

/// <summary>What a retorno record says happened to a title, normalised across banks and layouts.</summary>
public enum CnabMovementKind
{
    /// <summary>Any other movement (instruction confirmed, due date changed, protest...): see <see cref="CnabMovement.MovementCode"/>.</summary>
    Other = 0,

    /// <summary>Registration confirmed (code 02): not a payment, whatever amounts the record carries.</summary>
    EntryConfirmed = 1,

    /// <summary>Registration rejected (code 03; reasons in <see cref="CnabMovement.Reasons"/>).</summary>
    EntryRejected = 2,

    /// <summary>Paid (liquidação: CNAB 240 code 06; CNAB 400 06 and the bank's other liquidation codes).</summary>
    Paid = 3,

    /// <summary>Paid after the title was written off, or a title not registered (CNAB 240 code 17, Bradesco 17).</summary>
    PaidAfterWriteOff = 4,

    /// <summary>Written off (baixa, codes 09/10): no longer payable, no money.</summary>
    WrittenOff = 5,

    /// <summary>The bank debited fees (code 28): not a payment.</summary>
    FeeCharged = 6,
}
