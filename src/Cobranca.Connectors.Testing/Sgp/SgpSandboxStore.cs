using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>The sandbox's data: customers, contracts and titles as SGP keeps them (documents and phones formatted).</summary>
internal sealed class SgpSandboxStore
{
    public object Gate { get; } = new();

    public SortedDictionary<int, SgpCustomerRecord> Customers { get; } = [];

    public SortedDictionary<int, SgpContractRecord> Contracts { get; } = [];

    public SortedDictionary<int, SgpTitleRecord> Titles { get; } = [];

    /// <summary>Customers in id order (the listing order of <c>clientes</c>): a page is a slice, not a scan.</summary>
    public SgpCustomerRecord[] CustomersInOrder { get; private set; } = [];

    /// <summary>Each customer's contracts, in id order (customers and contracts are fixed once seeded).</summary>
    public Dictionary<int, List<SgpContractRecord>> ContractsByCustomer { get; } = [];

    /// <summary>Each contract's titles (a title's contract never changes; its status does).</summary>
    public Dictionary<int, List<SgpTitleRecord>> TitlesByContract { get; } = [];

    private void Index()
    {
        CustomersInOrder = Customers.Values.ToArray();
        foreach (var c in Contracts.Values)
        {
            if (!ContractsByCustomer.TryGetValue(c.CustomerId, out var list)) ContractsByCustomer[c.CustomerId] = list = [];
            list.Add(c);
        }
        foreach (var t in Titles.Values)
        {
            if (!TitlesByContract.TryGetValue(t.ContractId, out var list)) TitlesByContract[t.ContractId] = list = [];
            list.Add(t);
        }
    }

    public IReadOnlyList<SgpContractRecord> ContractsOf(int customerId) =>
        ContractsByCustomer.TryGetValue(customerId, out var list) ? list : [];

    public IReadOnlyList<SgpTitleRecord> TitlesOfContract(int contractId) =>
        TitlesByContract.TryGetValue(contractId, out var list) ? list : [];

    public static SgpSandboxStore FromDataSet(IspDataSet data)
    {
        var s = new SgpSandboxStore();
        foreach (var c in data.Customers)
        {
            s.Customers[Id(c.Id)] = new SgpCustomerRecord
            {
                Id = Id(c.Id),
                Name = c.Name.ToUpperInvariant(),
                Document = c.Document?.Formatted ?? "",
                Phones = c.Phones.Select(p => p.Formatted).ToList(),
                Emails = c.Email is null ? [] : [c.Email],
                City = c.Raw.GetValueOrDefault(IspDataKeys.City) ?? "ARACAJU",
                Street = c.Raw.GetValueOrDefault(IspDataKeys.Street) ?? "RUA EXEMPLO",
                PostalCode = c.Raw.GetValueOrDefault(IspDataKeys.PostalCode) ?? "49000-000",
            };
        }
        var connections = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
        foreach (var c in data.Contracts)
        {
            var status = c.Access.Status == AccessStatus.Inactive ? 3
                : c.Access.Status == AccessStatus.Blocked ? 4
                : c.Access.Status == AccessStatus.Throttled ? 7
                : 1;
            connections.TryGetValue(c.Id, out var connection);
            s.Contracts[Id(c.Id)] = new SgpContractRecord
            {
                Id = Id(c.Id),
                CustomerId = Id(c.CustomerId),
                Status = status,
                Plan = c.PlanName ?? "PLANO",
                Login = connection?.Login ?? c.Login ?? "",
                PppoePassword = connection?.Password ?? "pppoe-" + c.Id,
                CentralPassword = "central-" + c.Id,
                DueDay = int.TryParse(c.Raw.GetValueOrDefault(IspDataKeys.DueDay), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 10,
                Created = data.Today.AddDays(-400),
            };
        }
        foreach (var i in data.Invoices)
        {
            var contractId = i.ContractId ?? i.Raw.GetValueOrDefault(IspDataKeys.StandaloneContractId);
            var paid = decimal.TryParse(i.Raw.GetValueOrDefault(IspDataKeys.PaidAmount), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : 0m;
            s.Titles[Id(i.Id)] = new SgpTitleRecord
            {
                Id = Id(i.Id),
                CustomerId = Id(i.CustomerId),
                ContractId = contractId is null ? 0 : Id(contractId),
                Amount = i.Amount,
                PaidPartial = i.Status == InvoiceStatus.PartiallyPaid ? paid : 0m,
                PaidAmount = i.Status == InvoiceStatus.Paid ? paid : 0m,
                Status = i.Status switch { InvoiceStatus.Paid => "pago", InvoiceStatus.Cancelled => "cancelado", _ => "aberto" },
                Due = i.DueDate,
                Issued = i.DueDate.AddDays(-15),
                PaidOn = DateOnly.TryParseExact(i.Raw.GetValueOrDefault(IspDataKeys.PaidOn), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) && i.Status == InvoiceStatus.Paid ? on : null,
                CancelledOn = i.Status == InvoiceStatus.Cancelled ? i.DueDate.AddDays(2) : null,
                Line = i.Raw.GetValueOrDefault(IspDataKeys.DigitableLine),
                Hash = Hash(i.Id),
            };
        }
        s.Index();
        return s;
    }

    private static int Id(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Hash(string id)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        var h = (uint)id.GetHashCode(StringComparison.Ordinal) ^ 0x5F3759DF;
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[(int)(h % (uint)alphabet.Length)];
            h = h * 2654435761u + 97;
        }
        return new string(chars);
    }
}

internal sealed class SgpCustomerRecord
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string Document { get; init; }
    public List<string> Phones { get; init; } = [];
    public List<string> Emails { get; init; } = [];
    public required string City { get; init; }
    public required string Street { get; init; }
    public required string PostalCode { get; init; }
}

internal sealed class SgpContractRecord
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public int Status { get; set; }
    public string? StatusReason { get; set; }
    public required string Plan { get; init; }
    public required string Login { get; init; }
    public required string PppoePassword { get; init; }
    public required string CentralPassword { get; init; }
    public int DueDay { get; init; }
    public DateOnly Created { get; init; }
    public DateOnly? PromiseUntil { get; set; }
    public int StatusBeforePromise { get; set; }
    public List<DateOnly> Promises { get; } = [];
    public int ServiceOrders { get; set; }
    public bool Online { get; set; } = true;
}

internal sealed class SgpTitleRecord
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public int ContractId { get; init; }
    public decimal Amount { get; init; }
    public decimal PaidPartial { get; set; }
    public decimal PaidAmount { get; set; }
    public required string Status { get; set; }
    public DateOnly Due { get; init; }
    public DateOnly Issued { get; init; }
    public DateOnly? PaidOn { get; set; }
    public DateOnly? CancelledOn { get; init; }
    public string? Line { get; init; }
    public required string Hash { get; init; }
    public string? PixTxid { get; set; }
    public decimal Open => Status == "aberto" ? Amount - PaidPartial : 0m;
}
