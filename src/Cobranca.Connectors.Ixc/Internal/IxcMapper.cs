using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Maps IXC rows to the common models. Secret-like fields never reach <c>Raw</c>.</summary>
internal static class IxcMapper
{
    public static readonly string[] PhoneFields = ["telefone_celular", "whatsapp", "telefone_comercial", "fone"];

    public static Customer ToCustomer(IxcRow row)
    {
        var phones = new List<PhoneNumber>(4);
        foreach (var field in PhoneFields)
        {
            if (PhoneNumber.TryParse(row.Text(field), out var phone) && !phones.Contains(phone)) phones.Add(phone);
        }
        return new Customer
        {
            Id = row.Text("id") ?? string.Empty,
            Name = row.Text("razao") ?? row.Text("fantasia") ?? string.Empty,
            Document = Document.TryParse(row.Text("cnpj_cpf"), out var doc) ? doc : null,
            Phones = phones,
            Email = row.Text("email"),
            IsActive = !string.Equals(row.Text("ativo"), "N", StringComparison.OrdinalIgnoreCase),
            Raw = row.Raw,
        };
    }

    public static Contract ToContract(IxcRow row, string? login) => new()
    {
        Id = row.Text("id") ?? string.Empty,
        CustomerId = row.Text("id_cliente") ?? string.Empty,
        PlanName = row.Text("contrato"),
        Login = login,
        Access = ToAccessState(row),
        Raw = row.Raw,
    };

    /// <summary>
    /// True when <paramref name="contract"/> was mapped from an IXC <c>cliente_contrato</c> row (its raw fields carry
    /// <c>status_internet</c> and <c>id_cliente</c>), so its state can stand for a fresh read of that contract.
    /// </summary>
    public static bool IsContractRow(Contract contract) =>
        contract.Raw.ContainsKey("status_internet") && contract.Raw.ContainsKey("id_cliente") && contract.Access.RawCode is not null;

    /// <summary>
    /// Maps <c>status</c> (contract) and <c>status_internet</c> (access) to the common state. The raw
    /// <c>status_internet</c> code is always kept; unknown codes map to <see cref="AccessStatus.Unknown"/>.
    /// </summary>
    public static AccessState ToAccessState(IxcRow row)
    {
        var contractStatus = row.Text("status")?.ToUpperInvariant();
        var code = row.Text("status_internet")?.ToUpperInvariant();
        if (contractStatus is "I" or "D" or "P")
        {
            var why = contractStatus switch { "I" => "inativo/cancelado", "D" => "desistiu", _ => "pré-contrato" };
            return new AccessState(AccessStatus.Inactive, code, null, $"contract status {contractStatus} ({why})");
        }
        return code switch
        {
            "A" when row.Flag("desbloqueio_confianca_ativo") => new AccessState(AccessStatus.TrustUnlocked, code, null, "ativo (desbloqueio de confiança)"),
            "A" when string.Equals(row.Text("status_velocidade"), "R", StringComparison.OrdinalIgnoreCase) =>
                new AccessState(AccessStatus.Throttled, code, null, "ativo, velocidade reduzida"),
            "A" => new AccessState(AccessStatus.Active, code, null, "ativo"),
            "D" => new AccessState(AccessStatus.Inactive, code, null, "desativado"),
            "CM" => new AccessState(AccessStatus.Blocked, code, null, "bloqueio manual"),
            "CA" => new AccessState(AccessStatus.Blocked, code, null, "bloqueio automático"),
            "FA" => new AccessState(AccessStatus.Blocked, code, null, "financeiro em atraso"),
            "AA" => new AccessState(AccessStatus.Inactive, code, null, "aguardando assinatura"),
            null => new AccessState(AccessStatus.Unknown, null, null, "no status_internet"),
            _ => new AccessState(AccessStatus.Unknown, code, null, $"unknown status_internet code {code}"),
        };
    }

    public static Invoice ToInvoice(IxcRow row, Action<string>? missingDueDate = null)
    {
        var id = row.Text("id") ?? string.Empty;
        var amount = row.Money("valor") ?? 0m;
        var received = row.Money("valor_recebido") ?? 0m;
        var open = row.Money("valor_aberto") ?? Math.Max(0m, amount - received - (row.Money("valor_cancelado") ?? 0m));
        var due = row.Date("data_vencimento");
        if (due is null) missingDueDate?.Invoke(id);
        var rawStatus = row.Text("status");
        return new Invoice
        {
            Id = id,
            CustomerId = row.Key("id_cliente") ?? string.Empty,
            ContractId = row.Key("id_contrato") ?? row.Key("id_contrato_avulso"),
            DueDate = due ?? DateOnly.MaxValue,
            Amount = amount,
            OpenAmount = open,
            Status = rawStatus?.ToUpperInvariant() switch
            {
                "A" when received > 0 && open > 0 => InvoiceStatus.PartiallyPaid,
                "A" => InvoiceStatus.Open,
                "P" => InvoiceStatus.PartiallyPaid,
                "R" => InvoiceStatus.Paid,
                "C" => InvoiceStatus.Cancelled,
                _ => InvoiceStatus.Unknown,
            },
            RawStatus = rawStatus,
            Description = row.Text("documento"),
            Raw = row.Raw,
        };
    }

    public static IxcRadiusUser ToRadiusUser(IxcRow row) => new()
    {
        Id = row.Text("id") ?? string.Empty,
        CustomerId = row.Key("id_cliente"),
        ContractId = row.Key("id_contrato"),
        Login = row.Text("login") ?? string.Empty,
        IsActive = !string.Equals(row.Text("ativo"), "N", StringComparison.OrdinalIgnoreCase),
        OnlineCode = row.Text("online"),
        IpAddress = row.Text("ip"),
        MacAddress = row.Text("mac"),
        Raw = row.Raw,
    };
}
