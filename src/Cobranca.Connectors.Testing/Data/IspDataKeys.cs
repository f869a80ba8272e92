namespace Cobranca.Connectors.Testing;

/// <summary>
/// Keys of the <c>Raw</c> dictionaries the <see cref="IspDataGenerator"/> fills on customers, contracts and invoices,
/// so sandboxes can render provider fields (phones as typed, addresses, stand-alone invoices) from one data set.
/// </summary>
public static class IspDataKeys
{
    /// <summary>Customer: the CPF/CNPJ as the ERP stores it (masked or bare).</summary>
    public const string DocumentText = "document_text";

    /// <summary>Customer: mobile phone as typed (one of several masks; may lack the ninth digit).</summary>
    public const string MobilePhone = "phone_mobile";

    /// <summary>Customer: landline as typed, when present.</summary>
    public const string Landline = "phone_landline";

    /// <summary>Customer: WhatsApp number as the messaging platform writes it (<c>55DDDNUMBER</c>), when present.</summary>
    public const string WhatsApp = "whatsapp";

    /// <summary>Customer: street and number.</summary>
    public const string Street = "street";

    /// <summary>Customer: district (bairro).</summary>
    public const string District = "district";

    /// <summary>Customer: city.</summary>
    public const string City = "city";

    /// <summary>Customer: state (UF), two letters.</summary>
    public const string State = "state";

    /// <summary>Customer: postal code (CEP), <c>00000-000</c>.</summary>
    public const string PostalCode = "postal_code";

    /// <summary>Contract: the <see cref="IspPlan.Id"/>.</summary>
    public const string PlanId = "plan_id";

    /// <summary>Contract: day of the month invoices fall due.</summary>
    public const string DueDay = "due_day";

    /// <summary>Contract: the connection's IPv4 address.</summary>
    public const string IpAddress = "ip_address";

    /// <summary>
    /// Invoice: the contract a stand-alone charge (installation, technical visit) relates to while
    /// <see cref="Abstractions.Invoice.ContractId"/> is null (IXC's <c>id_contrato_avulso</c>).
    /// </summary>
    public const string StandaloneContractId = "standalone_contract_id";

    /// <summary>Invoice: when it was paid (<c>yyyy-MM-dd</c>), for paid and partially paid invoices.</summary>
    public const string PaidOn = "paid_on";

    /// <summary>Invoice: amount paid so far (invariant, two decimals), for paid and partially paid invoices.</summary>
    public const string PaidAmount = "paid_amount";

    /// <summary>Invoice: linha digitável (47 digits) of the registered boleto, for open invoices.</summary>
    public const string DigitableLine = "digitable_line";

    /// <summary>Invoice: boleto barcode (44 digits), for open invoices.</summary>
    public const string Barcode = "barcode";
}
