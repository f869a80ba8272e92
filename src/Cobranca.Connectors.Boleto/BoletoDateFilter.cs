namespace Cobranca.Connectors.Boleto;

/// <summary>Which date a <see cref="BoletoQuery"/> range applies to.</summary>
public enum BoletoDateFilter
{
    /// <summary>Due date (vencimento).</summary>
    DueDate = 0,

    /// <summary>Issue / registration date (emissão).</summary>
    IssueDate,

    /// <summary>Payment date (pagamento / liquidação).</summary>
    PaymentDate,
}
