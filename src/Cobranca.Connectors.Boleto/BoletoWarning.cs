namespace Cobranca.Connectors.Boleto;

/// <summary>Something a valid code carries that the caller should act on before trusting its amount or due date.</summary>
public enum BoletoWarning
{
    /// <summary>
    /// The general check digit protects the code poorly. FEBRABAN maps the mod-11 remainders 0, 1 and 10 of a boleto
    /// bancário to the same digit 1 (arrecadação mod 11 maps 0 and 1 to 0), so a typo in such a code passes the check
    /// far more often (about one single-digit typo in five, some changing the amount by millions). Confirm the amount
    /// and due date with the payer or against the ERP's invoice before paying or registering a payment.
    /// See <see cref="BoletoCode.HasWeakCheckDigit"/>.
    /// </summary>
    WeakCheckDigit = 0,

    /// <summary>
    /// The due date decoded ten or more years after the reference date. The factor restarts every 9000 days
    /// (last on 2025-02-22), so this is more likely a boleto of the previous cycle read with today's date. Decode it
    /// again with the date it was issued or read as the reference: <c>BoletoCode.Parse(text, referenceDate)</c>
    /// (CLI: <c>--today yyyy-MM-dd</c>).
    /// </summary>
    DueDateMayBeFromPreviousCycle,
}
