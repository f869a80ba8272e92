namespace Cobranca.Connectors.Boleto;

/// <summary>Which FEBRABAN layout a code follows.</summary>
public enum BoletoKind
{
    /// <summary>Boleto bancário (ficha de compensação): 44-digit barcode, 47-digit linha digitável. What ISPs issue.</summary>
    Bank = 0,

    /// <summary>Arrecadação / convênio (utility bills, taxes, carnês): starts with 8, 48-digit linha digitável.</summary>
    Collection,
}
