using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>The sandbox's tables: rows of strings, as IXC stores and returns them.</summary>
internal sealed class IxcSandboxStore
{
    public const string Cliente = "cliente";
    public const string Contrato = "cliente_contrato";
    public const string Areceber = "fn_areceber";
    public const string Radusuarios = "radusuarios";

    private readonly Dictionary<string, SortedDictionary<long, Dictionary<string, string>>> _tables = new(StringComparer.Ordinal)
    {
        [Cliente] = new(), [Contrato] = new(), [Areceber] = new(), [Radusuarios] = new(),
    };

    public IxcSandboxStore()
    {
        foreach (var table in _tables.Keys)
        {
            foreach (var field in IndexedFields) _indexes[(table, field)] = new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        }
    }

    /// <summary>The fields indexed in every table (value → row ids): what per-customer and per-contract reads filter on.
    /// Rows change in place, but never these fields (they change only through <see cref="Upsert"/>, which re-indexes).</summary>
    public static readonly string[] IndexedFields = ["id_cliente", "id_contrato"];

    private readonly Dictionary<(string Table, string Field), Dictionary<string, SortedSet<long>>> _indexes = [];

    /// <summary>Contracts whose trust unlock was used and not yet paid for.</summary>
    public HashSet<string> TrustUsed { get; } = new(StringComparer.Ordinal);

    /// <summary>Contracts that may have a trust unlock running (<c>desbloqueio_confianca_ativo = S</c>): the only ones the
    /// expiry check looks at. A superset: entries whose flag went back to <c>N</c> are dropped by that check.</summary>
    public HashSet<string> TrustActive { get; } = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    public bool HasTable(string table) => _tables.ContainsKey(table);

    public IEnumerable<Dictionary<string, string>> Rows(string table) => _tables[table].Values;

    /// <summary>Number of rows in <paramref name="table"/>.</summary>
    public int Count(string table) => _tables[table].Count;

    public Dictionary<string, string>? Find(string table, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _tables[table].TryGetValue(key, out var row) ? row : null;

    /// <summary>The rows whose <paramref name="field"/> (an <see cref="IndexedFields"/> one) is one of <paramref name="values"/>, in id order.</summary>
    public IEnumerable<Dictionary<string, string>> RowsWhere(string table, string field, IEnumerable<string> values)
    {
        var index = _indexes[(table, field)];
        var ids = new SortedSet<long>();
        foreach (var value in values)
        {
            if (index.TryGetValue(value, out var matching)) ids.UnionWith(matching);
        }
        var rows = _tables[table];
        return ids.Select(id => rows[id]);
    }

    public void Upsert(string table, Dictionary<string, string> row)
    {
        var id = long.Parse(row["id"], NumberStyles.None, CultureInfo.InvariantCulture);
        var rows = _tables[table];
        foreach (var field in IndexedFields)
        {
            var index = _indexes[(table, field)];
            if (rows.TryGetValue(id, out var previous) && previous.TryGetValue(field, out var old) && index.TryGetValue(old, out var was))
                was.Remove(id);
            if (!row.TryGetValue(field, out var value)) continue;
            if (!index.TryGetValue(value, out var ids)) index[value] = ids = [];
            ids.Add(id);
        }
        rows[id] = row;
        if (table == Contrato && row.GetValueOrDefault("desbloqueio_confianca_ativo") == "S") TrustActive.Add(row["id"]);
        Touch();
    }

    /// <summary>Bumped by every change, so cached listing results are never served stale.</summary>
    public long Version { get; private set; }

    /// <summary>Marks the data as changed (call under <see cref="Gate"/> before changing rows in place).</summary>
    public void Touch() => Version++;

    /// <summary>The fields every row of <paramref name="table"/> has (what IXC always returns).</summary>
    public static IReadOnlyCollection<string> Fields(string table) => table switch
    {
        Cliente => Customer("0", "", "", "F").Keys,
        Contrato => Contract("0", "0", "", "A", "A", "").Keys,
        Areceber => Invoice("0", "0", "0", "", "0.00", "0.00", registered: false).Keys,
        _ => Login("0", "0", "0", "", "N", "").Keys,
    };

    // ------------------------------------------------------------ seed

    public static IxcSandboxStore Seed(DateOnly today, int generated, int seed)
    {
        var s = new IxcSandboxStore();
        string D(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        s.Upsert(Cliente, Customer(IxcSandboxData.MariaCustomerId, "MARIA APARECIDA DOS SANTOS", IxcSandboxData.MariaCpf, "F",
            celular: IxcSandboxData.MariaMobile, fone: "(79) 3211-0000", email: "maria.santos@example.com"));
        s.Upsert(Contrato, Contract(IxcSandboxData.MariaContractId, IxcSandboxData.MariaCustomerId, "FIBRA 500MB", "A", "CA", D(-700)));
        s.Upsert(Radusuarios, Login(IxcSandboxData.MariaRadiusUserId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, IxcSandboxData.MariaLogin, "S", "100.64.12.34"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaOverdueInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(-38), "99.90", "0.00", registered: true, pixTxid: "IXC3001A1B2C3D4E5F6G7H8I9J"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaPartialInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(-10), "99.90", "40.00", registered: true));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaUpcomingInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(21), "99.90", "0.00", registered: false));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaPaidInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(-68), "99.90", "99.90", registered: true, status: "R"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaCancelledInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(-98), "99.90", "0.00", registered: true, status: "C"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.MariaHiddenInvoiceId, IxcSandboxData.MariaCustomerId, IxcSandboxData.MariaContractId, D(-20), "35.00", "0.00", registered: false, liberado: "N"));
        var avulso = Invoice(IxcSandboxData.MariaAvulsoInvoiceId, IxcSandboxData.MariaCustomerId, "", D(-5), "50.00", "0.00", registered: true);
        avulso["id_contrato_avulso"] = "2309";
        s.Upsert(Areceber, avulso);

        s.Upsert(Cliente, Customer(IxcSandboxData.JoaoCustomerId, "JOAO PEREIRA TELECOM LTDA", IxcSandboxData.JoaoCnpj, "J",
            whatsapp: "(79) 9876-5432", email: "financeiro@example.com"));
        s.Upsert(Contrato, Contract(IxcSandboxData.JoaoContractId, IxcSandboxData.JoaoCustomerId, "FIBRA 1GB EMPRESARIAL", "A", "A", D(-400)));
        s.Upsert(Radusuarios, Login("4002", IxcSandboxData.JoaoCustomerId, IxcSandboxData.JoaoContractId, "joao.telecom", "N", "100.64.12.35"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.JoaoUpcomingInvoiceId, IxcSandboxData.JoaoCustomerId, IxcSandboxData.JoaoContractId, D(9), "249.90", "0.00", registered: true));

        s.Upsert(Cliente, Customer(IxcSandboxData.PedroCustomerId, "PEDRO HENRIQUE ALVES", IxcSandboxData.PedroCpf, "F",
            comercial: "(11) 99876-5432"));
        s.Upsert(Contrato, Contract(IxcSandboxData.PedroContractId, IxcSandboxData.PedroCustomerId, "RADIO 20MB", "I", "D", D(-1200)));

        s.Upsert(Cliente, Customer(IxcSandboxData.AnaCustomerId, "ANA CLARA RIBEIRO", IxcSandboxData.AnaCpf, "F",
            celular: "(79) 98111-2233"));
        var ana = Contract(IxcSandboxData.AnaContractId, IxcSandboxData.AnaCustomerId, "FIBRA 300MB", "A", "FA", D(-300));
        ana["dt_ult_des_bloq_conf"] = D(-9);
        ana["dt_ult_finan_atraso"] = D(-6);
        s.Upsert(Contrato, ana);
        s.TrustUsed.Add(IxcSandboxData.AnaContractId);
        s.Upsert(Radusuarios, Login("4004", IxcSandboxData.AnaCustomerId, IxcSandboxData.AnaContractId, "ana.ribeiro", "N", "100.64.12.36"));
        s.Upsert(Areceber, Invoice(IxcSandboxData.AnaOverdueInvoiceId, IxcSandboxData.AnaCustomerId, IxcSandboxData.AnaContractId, D(-15), "119.90", "0.00", registered: true));

        s.Generate(today, generated, seed);
        return s;
    }

    /// <summary>Renders a generated ISP as IXC rows, keeping its ids.</summary>
    public static IxcSandboxStore FromDataSet(IspDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = new IxcSandboxStore();
        var cities = data.Customers.Select(c => c.Raw.GetValueOrDefault(IspDataKeys.City) ?? "").Distinct(StringComparer.Ordinal).ToList();
        foreach (var c in data.Customers)
        {
            var raw = c.Raw;
            var row = Customer(c.Id, c.Name.ToUpperInvariant(), c.Document?.Formatted ?? "", c.Document?.Kind == DocumentKind.Cnpj ? "J" : "F",
                celular: IxcPhone(raw.GetValueOrDefault(IspDataKeys.MobilePhone)), whatsapp: IxcPhone(raw.GetValueOrDefault(IspDataKeys.WhatsApp)),
                fone: IxcPhone(raw.GetValueOrDefault(IspDataKeys.Landline)), email: c.Email ?? "");
            row["ativo"] = c.IsActive ? "S" : "N";
            row["endereco"] = raw.GetValueOrDefault(IspDataKeys.Street) ?? "";
            row["bairro"] = raw.GetValueOrDefault(IspDataKeys.District) ?? "";
            row["cep"] = raw.GetValueOrDefault(IspDataKeys.PostalCode) ?? "";
            row["cidade"] = (1000 + cities.IndexOf(raw.GetValueOrDefault(IspDataKeys.City) ?? "")).ToString(CultureInfo.InvariantCulture); // a code, as in IXC
            s.Upsert(Cliente, row);
        }
        var connections = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
        var radiusId = 1;
        foreach (var c in data.Contracts)
        {
            var (status, statusInternet) = c.Access.Status == AccessStatus.Inactive ? ("I", "D")
                : c.Access.Status == AccessStatus.Blocked ? ("A", c.Access.Detail?.Contains(nameof(BlockReason.Manual), StringComparison.Ordinal) == true ? "CM" : "CA")
                : ("A", "A");
            var row = Contract(c.Id, c.CustomerId, c.PlanName ?? "", status, statusInternet, data.Today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row["id_vd_contrato"] = c.Raw.GetValueOrDefault(IspDataKeys.PlanId) ?? "0";
            s.Upsert(Contrato, row);
            if (connections.TryGetValue(c.Id, out var connection))
            {
                var login = Login((radiusId++).ToString(CultureInfo.InvariantCulture), c.CustomerId, c.Id, connection.Login,
                    statusInternet == "A" ? "S" : "N", connection.IpAddress.ToString());
                login["senha"] = connection.Password;
                login["mac"] = connection.MacAddress;
                s.Upsert(Radusuarios, login);
            }
        }
        foreach (var i in data.Invoices)
        {
            var (status, registered) = i.Status switch
            {
                InvoiceStatus.Paid => ("R", true),
                InvoiceStatus.Cancelled => ("C", false),
                _ => ("A", i.Raw.ContainsKey(IspDataKeys.DigitableLine)),
            };
            var due = i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var received = i.Raw.GetValueOrDefault(IspDataKeys.PaidAmount) ?? "0.00";
            var row = Invoice(i.Id, i.CustomerId, i.ContractId ?? "0", due, i.Amount.ToString("0.00", CultureInfo.InvariantCulture), received, registered, status);
            row["valor_aberto"] = i.OpenAmount.ToString("0.00", CultureInfo.InvariantCulture);
            row["id_contrato_avulso"] = i.Raw.GetValueOrDefault(IspDataKeys.StandaloneContractId) ?? "0";
            row["documento"] = i.Description ?? row["documento"];
            if (i.Raw.GetValueOrDefault(IspDataKeys.DigitableLine) is { } line) row["linha_digitavel"] = line;
            if (i.Raw.GetValueOrDefault(IspDataKeys.PaidOn) is { } paidOn)
            {
                row["pagamento_data"] = paidOn;
                row["baixa_data"] = status == "R" ? paidOn + " 10:00:00" : "";
            }
            s.Upsert(Areceber, row);
        }
        return s;
    }

    /// <summary>A phone as IXC stores it: <c>(99) 99999-9999</c>; a mobile typed without the ninth digit keeps lacking it.</summary>
    private static string IxcPhone(string? typed)
    {
        if (!PhoneNumber.TryParse(typed, out var phone)) return "";
        // "(79) 9876-5432": eight digits after the area code although it is a mobile.
        var lacksNinth = phone.IsMobile && System.Text.RegularExpressions.Regex.IsMatch(typed.Trim(), @"^\(\d{2}\) \d{4}-\d{4}$");
        return lacksNinth ? $"({phone.Ddd}) {phone.Number[1..5]}-{phone.Number[5..]}" : phone.Formatted;
    }

    private void Generate(DateOnly today, int count, int seed)
    {
        var random = new Random(seed);
        string[] first = ["JOSE", "ANTONIO", "FRANCISCA", "CARLOS", "PAULO", "LUCAS", "JULIANA", "MARCOS", "PATRICIA", "RAFAEL"];
        string[] last = ["SILVA", "SOUZA", "OLIVEIRA", "LIMA", "COSTA", "FERREIRA", "RODRIGUES", "ALMEIDA", "NASCIMENTO", "CARVALHO"];
        string[] plans = ["FIBRA 300MB", "FIBRA 500MB", "FIBRA 1GB"];
        string[] access = ["A", "A", "A", "CA", "FA", "CM"];
        var invoiceId = 5000;
        for (var i = 0; i < count; i++)
        {
            var customerId = (IxcSandboxData.FirstGeneratedCustomerId + i).ToString(CultureInfo.InvariantCulture);
            var contractId = (2100 + i).ToString(CultureInfo.InvariantCulture);
            var cpf = Document.CpfFromBase(random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
            var phone = $"(79) 9{random.Next(1000, 9999)}-{random.Next(1000, 9999)}";
            Upsert(Cliente, Customer(customerId, $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}", cpf.Formatted, "F", celular: phone));
            var status = access[random.Next(access.Length)];
            Upsert(Contrato, Contract(contractId, customerId, plans[random.Next(plans.Length)], "A", status, today.AddDays(-random.Next(30, 900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Upsert(Radusuarios, Login((6000 + i).ToString(CultureInfo.InvariantCulture), customerId, contractId, $"cliente{customerId}", random.Next(2) == 0 ? "S" : "N", $"100.64.{20 + i / 200}.{i % 200 + 1}"));
            var amount = (79.90m + 20 * random.Next(0, 4)).ToString("0.00", CultureInfo.InvariantCulture);
            var overdueMonths = status == "A" ? 0 : random.Next(1, 4);
            for (var m = -overdueMonths; m <= 1; m++)
            {
                var due = today.AddDays(5 + 30 * m);
                Upsert(Areceber, Invoice((invoiceId++).ToString(CultureInfo.InvariantCulture), customerId, contractId,
                    due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount, "0.00", registered: m <= 0));
            }
        }
    }

    private static Dictionary<string, string> Customer(string id, string name, string document, string kind,
        string celular = "", string whatsapp = "", string comercial = "", string fone = "", string email = "") => new()
    {
        ["id"] = id, ["ativo"] = "S", ["tipo_pessoa"] = kind, ["razao"] = name, ["fantasia"] = "", ["cnpj_cpf"] = document,
        ["data_nascimento"] = "0000-00-00", ["email"] = email, ["telefone_celular"] = celular, ["whatsapp"] = whatsapp,
        ["telefone_comercial"] = comercial, ["fone"] = fone, ["cep"] = "49000-000", ["endereco"] = "Rua Exemplo", ["numero"] = "SN",
        ["bairro"] = "Centro", ["cidade"] = "1759", ["uf"] = "28", ["filial_id"] = "1", ["alerta"] = "", ["obs"] = "",
        ["senha"] = "senha-" + id, ["hotsite_acesso_token"] = "tok-" + id,
    };

    private static Dictionary<string, string> Contract(string id, string customerId, string plan, string status, string statusInternet, string activated) => new()
    {
        ["id"] = id, ["id_cliente"] = customerId, ["id_vd_contrato"] = "14", ["contrato"] = plan, ["status"] = status,
        ["status_internet"] = statusInternet, ["status_velocidade"] = "N", ["bloqueio_automatico"] = "S", ["nao_bloquear_ate"] = "0000-00-00",
        ["aviso_atraso"] = "S", ["desbloqueio_confianca"] = "S", ["desbloqueio_confianca_ativo"] = "N", ["dt_ult_des_bloq_conf"] = "0000-00-00",
        ["dt_retorno_desb_conf"] = "0000-00-00", ["dt_ult_bloq_auto"] = statusInternet == "CA" ? activated : "0000-00-00",
        ["dt_ult_bloq_manual"] = "0000-00-00", ["dt_ult_finan_atraso"] = "0000-00-00", ["num_parcelas_atraso"] = "0",
        ["contrato_suspenso"] = "N", ["data_ativacao"] = activated, ["data_cancelamento"] = status == "I" ? activated : "0000-00-00",
        ["id_filial"] = "1", ["endereco"] = "Rua Exemplo", ["numero"] = "SN", ["bairro"] = "Centro", ["senha_rede_sem_fio"] = "wifi-" + id,
    };

    private static Dictionary<string, string> Login(string id, string customerId, string contractId, string login, string online, string ip) => new()
    {
        ["id"] = id, ["id_cliente"] = customerId, ["id_contrato"] = contractId, ["login"] = login, ["senha"] = "pppoe-" + id,
        ["ativo"] = "S", ["online"] = online, ["ip"] = ip, ["mac"] = "AA:BB:CC:00:" + (int.Parse(id, CultureInfo.InvariantCulture) % 100).ToString("00", CultureInfo.InvariantCulture) + ":01",
        ["ultima_conexao_inicial"] = "2025-03-18 06:02:11", ["ultima_conexao_final"] = "", ["motivo_desconexao"] = "", ["id_grupo"] = "7",
    };

    private static Dictionary<string, string> Invoice(string id, string customerId, string contractId, string due, string value, string received,
        bool registered, string status = "A", string liberado = "S", string pixTxid = "")
    {
        var total = decimal.Parse(value, CultureInfo.InvariantCulture);
        var paid = decimal.Parse(received, CultureInfo.InvariantCulture);
        var open = status == "A" ? total - paid : 0m;
        return new()
        {
            ["id"] = id, ["id_cliente"] = customerId, ["id_contrato"] = contractId, ["id_contrato_avulso"] = "0", ["status"] = status,
            ["liberado"] = liberado, ["data_emissao"] = due, ["data_vencimento"] = due, ["valor"] = value, ["valor_recebido"] = received,
            ["valor_aberto"] = open.ToString("0.00", CultureInfo.InvariantCulture), ["valor_cancelado"] = status == "C" ? value : "0.00",
            ["documento"] = "7" + id, ["nn_boleto"] = registered ? "000" + id.PadLeft(8, '0') : "",
            ["linha_digitavel"] = registered ? DigitableLine(id) : "", ["gateway_link"] = registered ? $"https://gateway.example/boleto/{id}.pdf" : "",
            ["pix_txid"] = pixTxid, ["recebido_via_pix"] = "N", ["tipo_recebimento"] = registered ? "Gateway" : "Boleto",
            ["pagamento_data"] = status == "R" ? due : "", ["baixa_data"] = status == "R" ? due + " 10:00:00" : "", ["data_cancelamento"] = status == "C" ? due : "",
            ["filial_id"] = "1", ["id_conta"] = "2758", ["ultima_atualizacao"] = due + " 03:00:11",
        };
    }

    internal static string DigitableLine(string invoiceId) =>
        $"00190.00009 0{invoiceId.PadLeft(4, '0')[..4]}.567891 23456.789012 3 9999000000{invoiceId.PadLeft(4, '0')[..4]}";
}
