namespace Cobranca.Connectors.Boleto;

/// <summary>Why a boleto is cancelled (baixa); each provider maps it to its own code or text.</summary>
public enum BoletoCancelReason
{
    /// <summary>The beneficiary asked (Inter ACERTOS).</summary>
    Requested = 0,

    /// <summary>Paid directly to the beneficiary (Inter PAGODIRETOAOCLIENTE).</summary>
    PaidToBeneficiary,

    /// <summary>Replaced by another boleto (Inter SUBSTITUICAO).</summary>
    Replaced,

    /// <summary>The debt was renegotiated or forgiven (Inter ACERTOS).</summary>
    Renegotiated,
}
