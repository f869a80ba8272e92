namespace Cobranca.Connectors.Boleto;

/// <summary>
/// The normalised life of a registered boleto. Each provider maps its own status names (kept raw in
/// <see cref="BoletoRecord.ProviderStatus"/>); a name it does not know maps to <see cref="Unknown"/>, never to an error.
/// </summary>
public enum BoletoStatus
{
    /// <summary>A status this SDK does not know (see <see cref="BoletoRecord.ProviderStatus"/>).</summary>
    Unknown = 0,

    /// <summary>Accepted, registration in progress (Inter's asynchronous create; no barcode yet).</summary>
    Processing,

    /// <summary>Registered and payable, not yet due.</summary>
    Pending,

    /// <summary>Past due and still payable.</summary>
    Overdue,

    /// <summary>Liquidated (paid by boleto or Pix); the amount may differ from the nominal one.</summary>
    Paid,

    /// <summary>Marked paid by the beneficiary outside the bank (Inter MARCADO_RECEBIDO, Efí settled): no money came through the bank.</summary>
    PaidManually,

    /// <summary>Cancelled (baixa) on request.</summary>
    Cancelled,

    /// <summary>Written off by deadline (no longer payable).</summary>
    Expired,

    /// <summary>The bank rejected the registration (Inter FALHA_EMISSAO).</summary>
    Failed,
}
