using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>The sandbox's tables: <c>sis_cliente</c> (one row per login) and <c>sis_lanc</c> (titles), every value a string.</summary>
internal sealed class MkAuthSandboxStore
{
    public Lock Gate { get; } = new();

    public List<Dictionary<string, string?>> Clients { get; } = [];

    public List<Dictionary<string, string?>> Titles { get; } = [];

    /// <summary>Data-set customer id → <c>uuid_cliente</c> of the customer's first login.</summary>
    public Dictionary<string, string> CustomerUuids { get; } = new(StringComparer.Ordinal);

    private int _nextClientId = 1;

    public static MkAuthSandboxStore Seed(MkAuthSandboxOptions options)
    {
        var store = new MkAuthSandboxStore();
        var today = BrazilTime.Today(options.TimeProvider);
        var withPix = options.Profile == MkAuthSandboxProfile.Current;
        if (options.Data is { } data)
        {
            store.AddDataSet(data, withPix);
            return store;
        }
        store.AddWellKnown(today, withPix);
        if (options.GeneratedCustomers > 0)
        {
            store.AddDataSet(IspDataGenerator.Generate(new IspDataGeneratorOptions
            {
                Seed = options.Seed, CustomerCount = options.GeneratedCustomers, Today = today,
            }), withPix);
        }
        return store;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A stable UUID-shaped id from a name (MK-Auth's uuids are MySQL UUID()s; only their shape matters here).</summary>
    public static string Uuid(string name)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash).ToString();
    }

    private Dictionary<string, string?> AddClient(string uuid, string login, string name, string documentText, string password, string plan,
        bool blocked, bool activated, string? mobile, string? email, string city)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = (_nextClientId++).ToString(CultureInfo.InvariantCulture),
            ["uuid_cliente"] = uuid,
            ["login"] = login,
            ["senha"] = password,
            ["nome"] = name,
            ["cpf_cnpj"] = documentText,
            ["rg"] = null,
            ["email"] = email,
            ["celular"] = mobile,
            ["fone"] = null,
            ["plano"] = plan,
            ["venc"] = "10",
            ["cli_ativado"] = activated ? "s" : "n",
            ["bloqueado"] = blocked ? "sim" : "nao",
            ["data_bloq"] = blocked ? "2026-01-05 00:10:02" : null,
            ["data_desbloq"] = null,
            ["observacao"] = "nao",
            ["rem_obs"] = null,
            ["isento"] = "nao",
            ["tipobloq"] = "auto",
            ["endereco"] = "RUA DAS FLORES",
            ["numero"] = "100",
            ["bairro"] = "CENTRO",
            ["cidade"] = city,
            ["estado"] = "PR",
            ["cep"] = "86975-000",
        };
        Clients.Add(row);
        return row;
    }

    private void AddTitle(string number, string uuid, Dictionary<string, string?> client, DateOnly due, decimal amount, string status,
        bool deleted, string? line, string? pix, DateOnly? paidOn = null)
    {
        Titles.Add(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = number,
            ["uuid_lanc"] = uuid,
            ["login"] = client["login"],
            ["datavenc"] = Date(due),
            ["datapag"] = paidOn is { } p ? Date(p) + " 10:00:00" : null,
            ["valor"] = Amount(amount),
            ["valorpag"] = paidOn is null ? null : Amount(amount),
            ["status"] = status,
            ["deltitulo"] = deleted ? "1" : "0",
            ["linhadig"] = line,
            ["nossonum"] = "000" + number.PadLeft(8, '0'),
            ["tipo"] = "mensalidade",
            ["url"] = null,
            ["referencia"] = due.ToString("MM/yyyy", CultureInfo.InvariantCulture),
            ["pix"] = pix,
            ["chave_gnet"] = "gnet-" + number, // a gateway key MK-Auth returns; clients must drop it
        });
    }

    private static string? Pix(string number, decimal amount, bool withPix) =>
        withPix ? PixCodes.Build("00000000-0000-0000-0000-000000000000", amount, "PROVEDOR EXEMPLO", "MANDAGUARI", "MK" + number) : null;

    private void AddWellKnown(DateOnly today, bool withPix)
    {
        var maria = AddClient(MkAuthSandboxData.MariaUuid, MkAuthSandboxData.MariaLogin, "MARIA DA SILVA", MkAuthSandboxData.MariaCpf,
            MkAuthSandboxData.MariaPassword, "FIBRA_600M", blocked: true, activated: true, "(44) 99999-8888", "maria@example.com", "MANDAGUARI");
        var casa = AddClient(MkAuthSandboxData.MariaSecondUuid, MkAuthSandboxData.MariaSecondLogin, "MARIA DA SILVA", MkAuthSandboxData.MariaCpfDigits,
            "casa-pppoe-1", "FIBRA_300M", blocked: false, activated: true, "44999998888", null, "MANDAGUARI");
        var joao = AddClient(Uuid("joao"), MkAuthSandboxData.JoaoLogin, "JOAO SOUZA", "11144477735", "joao-pppoe", "FIBRA_300M",
            blocked: false, activated: true, "(44) 98888-7777", null, "MARINGA");
        var company = AddClient(Uuid("mercado"), MkAuthSandboxData.CompanyLogin, "MERCADO CENTRAL LTDA", MkAuthSandboxData.CompanyCnpj,
            "mercado-pppoe", "EMPRESARIAL_600M", blocked: false, activated: true, "(44) 3232-1010", "contato@example.com", "MARINGA");
        var ana = AddClient(MkAuthSandboxData.AnaUuid, MkAuthSandboxData.AnaLogin, "ANA LIMA", MkAuthSandboxData.AnaCpf, "ana-pppoe", "FIBRA_300M",
            blocked: true, activated: true, "(44) 97777-6666", null, "MANDAGUARI");
        var jose = AddClient(Uuid("jose"), MkAuthSandboxData.JoseLogin, MkAuthSandboxData.JoseName, "868.334.135-68", "jose-pppoe", "FIBRA_300M",
            blocked: false, activated: true, null, null, "MARINGA");

        var overdueDue = today.AddDays(-40);
        BoletoCodes.TryBuild(MkAuthSandboxData.MariaOverdueTitleNumber, overdueDue, 99.90m, out _, out var line);
        AddTitle(MkAuthSandboxData.MariaOverdueTitleNumber, MkAuthSandboxData.MariaOverdueTitleUuid, maria, overdueDue, 99.90m, "vencido", false,
            line, Pix(MkAuthSandboxData.MariaOverdueTitleNumber, 99.90m, withPix));
        AddTitle("49376", MkAuthSandboxData.MariaUpcomingTitleUuid, maria, today.AddDays(10), 99.90m, "aberto", false, null, null);
        AddTitle("47002", Uuid("maria-paid"), maria, today.AddDays(-70), 99.90m, "pago", false, null, null, today.AddDays(-69));
        AddTitle("48500", MkAuthSandboxData.MariaCancelledTitleUuid, maria, today.AddDays(-20), 150.00m, "vencido", true, null, null);
        BoletoCodes.TryBuild("49400", today.AddDays(-3), 79.90m, out _, out var line2);
        AddTitle("49400", MkAuthSandboxData.MariaLateOpenTitleUuid, casa, today.AddDays(-3), 79.90m, "aberto", false, line2, Pix("49400", 79.90m, withPix));
        AddTitle("46001", Uuid("joao-paid"), joao, today.AddDays(-15), 99.90m, "pago", false, null, null, today.AddDays(-16));
        AddTitle("49501", Uuid("mercado-open"), company, today.AddDays(5), 349.90m, "aberto", false, null, Pix("49501", 349.90m, withPix));
        BoletoCodes.TryBuild("48800", today.AddDays(-20), 99.90m, out _, out var line3);
        AddTitle("48800", Uuid("ana-overdue"), ana, today.AddDays(-20), 99.90m, "vencido", false, line3, Pix("48800", 99.90m, withPix));
        AddTitle("49600", Uuid("jose-open"), jose, today.AddDays(12), 99.90m, "aberto", false, null, null);
    }

    private void AddDataSet(IspDataSet data, bool withPix)
    {
        var connections = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
        var plans = data.Plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var loginOfContract = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var customer in data.Customers)
        {
            var documentText = customer.Raw.GetValueOrDefault(IspDataKeys.DocumentText) ?? customer.Document?.Formatted ?? "";
            var first = true;
            foreach (var contract in data.Contracts.Where(c => c.CustomerId == customer.Id))
            {
                var connection = connections[contract.Id];
                // A person's second login is often typed differently: the other form of the same document.
                var text = first || customer.Document is not { } doc ? documentText
                    : documentText == doc.Value ? doc.Formatted : doc.Value;
                // The data set's ids are kept as MK-Auth's keys: uuid_cliente = contract id, uuid_lanc = invoice id.
                var row = AddClient(contract.Id, connection.Login, customer.Name.ToUpperInvariant(), text, connection.Password,
                    plans.TryGetValue(connection.PlanId, out var plan) ? plan.Name : connection.PlanId,
                    blocked: contract.Access.Status == AccessStatus.Blocked, activated: contract.Access.Status != AccessStatus.Inactive,
                    customer.Raw.GetValueOrDefault(IspDataKeys.MobilePhone), customer.Email, customer.Raw.GetValueOrDefault(IspDataKeys.City) ?? "");
                row["venc"] = contract.Raw.GetValueOrDefault(IspDataKeys.DueDay) ?? "10";
                if (first) CustomerUuids[customer.Id] = row["uuid_cliente"]!;
                first = false;
                loginOfContract[contract.Id] = row;
            }
        }

        foreach (var invoice in data.Invoices)
        {
            var contractId = invoice.ContractId ?? invoice.Raw.GetValueOrDefault(IspDataKeys.StandaloneContractId);
            if (contractId is null || !loginOfContract.TryGetValue(contractId, out var client)) continue;
            var paid = invoice.Status == InvoiceStatus.Paid;
            var amount = paid ? invoice.Amount : invoice.Status == InvoiceStatus.Cancelled ? invoice.Amount : invoice.OpenAmount;
            var status = paid ? "pago" : invoice.DueDate < data.Today ? "vencido" : "aberto";
            var line = invoice.Raw.GetValueOrDefault(IspDataKeys.DigitableLine);
            DateOnly? paidOn = paid && DateOnly.TryParse(invoice.Raw.GetValueOrDefault(IspDataKeys.PaidOn), CultureInfo.InvariantCulture, out var on) ? on : null;
            var open = !paid && invoice.Status != InvoiceStatus.Cancelled;
            AddTitle(invoice.Id, invoice.Id, client, invoice.DueDate, amount, status,
                invoice.Status == InvoiceStatus.Cancelled, open ? line : null,
                open ? Pix(invoice.Id, amount, withPix) : null, paid ? paidOn ?? invoice.DueDate : null);
        }
    }
}
