namespace Cobranca.Connectors.Sgp;

/// <summary>How a payment registered with <see cref="ISgpClient.SettleInvoiceAsync"/> was received (<c>forma_pagamento</c>).</summary>
public enum SgpPaymentMethod
{
    /// <summary>Pix (<c>PIX</c>).</summary>
    Pix,

    /// <summary>Cash (<c>DINHEIRO</c>).</summary>
    Cash,

    /// <summary>Credit card (<c>CARTAO</c>).</summary>
    CreditCard,

    /// <summary>Debit (<c>DEBITO</c>).</summary>
    Debit,
}
