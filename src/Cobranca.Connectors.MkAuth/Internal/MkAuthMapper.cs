using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>Maps MK-Auth rows (every value a string) to the SDK models.</summary>
internal static class MkAuthMapper
{
    private static readonly string[] PhoneColumns = ["celular", "fone", "telefone", "celular2", "whatsapp"];

    public static MkAuthCustomer? ToCustomer(Dictionary<string, string?> row, MkAuthClient client)
    {
        var uuid = row.Text("uuid_cliente") ?? row.Text("uuid");
        var login = row.Text("login");
        if (uuid is null || login is null) return null;
        var documentText = row.Text("cpf_cnpj");
        DateTimeOffset? observationUntil = null;
        if (row.Is("observacao", "sim") && row.LocalDateTime("rem_obs") is { } until) observationUntil = client.FromLocal(until);
        return new MkAuthCustomer
        {
            Uuid = uuid,
            Id = row.Text("id"),
            Login = login,
            Name = row.Text("nome") ?? login,
            DocumentText = documentText,
            Document = Document.TryParse(documentText, out var document) ? document : null,
            Blocked = row.Is("bloqueado", "sim", "s", "1"),
            Activated = !row.Is("cli_ativado", "n", "nao", "0"),
            ObservationUntil = observationUntil,
            Plan = row.Text("plano"),
            Raw = row.AsReadOnly(),
        };
    }

    public static MkAuthTitle? ToTitle(Dictionary<string, string?> row)
    {
        var uuid = row.Text("uuid") ?? row.Text("uuid_lanc");
        var due = row.Date("datavenc");
        if (uuid is null || due is null || !Money.TryParse(row.Text("valor"), out var amount)) return null;
        return new MkAuthTitle
        {
            Uuid = uuid,
            Number = row.Text("titulo") ?? row.Text("id"),
            Login = row.Text("login"),
            Status = row.Text("status") ?? string.Empty,
            Deleted = row.Is("deltitulo", "1", "sim", "s"),
            Amount = amount,
            DueDate = due.Value,
            DocumentText = row.Text("cpf_cnpj"),
            DigitableLine = row.Text("linhadig"),
            PixCopyPaste = row.Text("pix"),
            PixLink = row.Text("pix_link"),
            PixQrImage = row.Text("pix_qr"),
            Raw = row.AsReadOnly(),
        };
    }

    public static Customer ToSdkCustomer(MkAuthCustomer row)
    {
        var phones = new List<PhoneNumber>();
        foreach (var column in PhoneColumns)
        {
            if (PhoneNumber.TryParse(row.Raw.Text(column), out var phone) && !phones.Contains(phone)) phones.Add(phone);
        }
        return new Customer
        {
            Id = row.Uuid,
            Name = row.Name,
            Document = row.Document,
            Phones = phones,
            Email = row.Raw.Text("email"),
            IsActive = row.Activated,
            Raw = row.Raw,
        };
    }

    public static AccessState Access(MkAuthCustomer row, DateTimeOffset now)
    {
        if (!row.Activated) return new AccessState(AccessStatus.Inactive, "cli_ativado=n", Detail: "deactivated in MK-Auth");
        if (row.Blocked) return new AccessState(AccessStatus.Blocked, "bloqueado=sim", Detail: "blocked in MK-Auth");
        if (row.ObservationUntil is { } until && until > now)
            return new AccessState(AccessStatus.TrustUnlocked, "observacao=sim", Detail: $"in observation (trust unlock) until {until:yyyy-MM-dd HH:mm}");
        return new AccessState(AccessStatus.Active, "bloqueado=nao", Detail: "active in MK-Auth");
    }

    public static Contract ToContract(MkAuthCustomer row, string customerId, DateTimeOffset now) => new()
    {
        Id = row.Uuid,
        CustomerId = customerId,
        PlanName = row.Plan,
        Login = row.Login,
        Access = Access(row, now),
        Raw = row.Raw,
    };

    public static Invoice ToInvoice(MkAuthTitle title, string customerId, string? contractId) => new()
    {
        Id = title.Uuid,
        CustomerId = customerId,
        ContractId = contractId,
        DueDate = title.DueDate,
        Amount = title.Amount,
        OpenAmount = title.IsUnpaid ? title.Amount : 0m,
        Status = title.Deleted ? InvoiceStatus.Cancelled
            : title.IsUnpaid ? InvoiceStatus.Open
            : string.Equals(title.Status, "pago", StringComparison.OrdinalIgnoreCase) ? InvoiceStatus.Paid
            : title.Status is "cancelado" or "baixado" ? InvoiceStatus.Cancelled : InvoiceStatus.Unknown,
        RawStatus = title.Status,
        Description = title.Number is null ? null : $"Título {title.Number}",
        Raw = title.Raw,
    };
}
