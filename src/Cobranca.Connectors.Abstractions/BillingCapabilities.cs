namespace Cobranca.Connectors.Abstractions;

/// <summary>What a billing backend can do. An operation whose flag is missing throws <see cref="NotSupportedException"/>.</summary>
[Flags]
public enum BillingCapabilities
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Find customers by CPF/CNPJ.</summary>
    FindByDocument = 1 << 0,
    /// <summary>Find customers by phone number.</summary>
    FindByPhone = 1 << 1,
    /// <summary>Find a customer by the backend's id.</summary>
    FindById = 1 << 2,
    /// <summary>Find customers by PPPoE/hotspot login.</summary>
    FindByLogin = 1 << 3,
    /// <summary>Compute a customer's debt status.</summary>
    DebtStatus = 1 << 4,
    /// <summary>Stream open invoices over the whole base.</summary>
    ListOpenInvoices = 1 << 5,
    /// <summary>Second copy with linha digitável / barcode.</summary>
    BoletoLine = 1 << 6,
    /// <summary>Second copy with Pix copia-e-cola.</summary>
    PixCopyPaste = 1 << 7,
    /// <summary>Second copy as PDF bytes or link.</summary>
    BoletoPdf = 1 << 8,
    /// <summary>Trust unlock ("desbloqueio de confiança").</summary>
    TrustUnlock = 1 << 9,
    /// <summary>List the contracts of many customers (or of the whole base) in bulk: <see cref="IBillingSystem.ListContractsAsync"/>.</summary>
    ListContracts = 1 << 10,
}
