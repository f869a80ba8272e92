namespace Cobranca.Connectors.Boleto;

/// <summary>How a hybrid boleto was paid.</summary>
public enum BoletoPaymentChannel
{
    /// <summary>Not reported by the provider.</summary>
    Unknown = 0,

    /// <summary>Paid with the barcode / linha digitável.</summary>
    Boleto,

    /// <summary>Paid with the Pix QR of a hybrid boleto.</summary>
    Pix,
}
