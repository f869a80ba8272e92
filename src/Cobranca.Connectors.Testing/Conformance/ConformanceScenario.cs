using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>
/// The seeded ISP the conformance checks run against: a generated background base (from <see cref="IspDataGenerator"/>)
/// plus a few well-known customers whose expected answers the checks know:
/// <list type="bullet">
/// <item>the <b>debtor</b>: two contracts (one active, one blocked for debt), invoices overdue (one partially paid and due
/// yesterday), upcoming (one due today), paid and cancelled; CPF stored masked;</item>
/// <item>a customer <b>found only by phone</b>: no document on file, a mobile no one else has;</item>
/// <item>two customers <b>sharing a landline</b> (a family / a company and its owner): a phone lookup has two candidates;</item>
/// <item>a company with <b>no debt</b> (CNPJ stored masked, everything paid or cancelled) and a cancelled second contract.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>Implementations must see the data as of <see cref="Now"/>: 22:30 in São Paulo on <see cref="Today"/>, which is
/// already the next day in UTC, so a connector that takes "today" from UTC misclassifies the invoice due today.</para>
/// <para>Identifiers are numeric strings (as ERPs use) in a range the generator never uses: customers 9001+, contracts
/// 9101+, invoices 9201+. The expectations (<see cref="OpenInvoices"/>, <see cref="ExpectedOverdueInvoiceIds"/> ...)
/// are computed from <see cref="Data"/>, so a sandbox seeded from <see cref="Data"/> is judged against its own seed.</para>
/// </remarks>
public sealed class ConformanceScenario
{
    private const int DebtorIndex = 0;

    private ConformanceScenario(IspDataSet data, DateTimeOffset now)
    {
        Data = data;
        Now = now;
    }

    /// <summary>Everything to seed: background customers plus the well-known ones below.</summary>
    public IspDataSet Data { get; }

    /// <summary>The São Paulo date the checks expect implementations to use as "today".</summary>
    public DateOnly Today => Data.Today;

    /// <summary>The instant implementations must be run at (22:30 in São Paulo on <see cref="Today"/>).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>A clock frozen at <see cref="Now"/> (timers still run in real time); give it to the implementation.</summary>
    public TimeProvider TimeProvider => new FrozenClock(Now);

    /// <summary>The debtor: overdue, upcoming, paid and cancelled invoices; two contracts, one blocked.</summary>
    public string DebtorCustomerId => "9001";

    /// <summary>The debtor's CPF (stored masked in the ERP).</summary>
    public Document DebtorDocument { get; private init; }

    /// <summary>The debtor's active contract.</summary>
    public string DebtorActiveContractId => "9101";

    /// <summary>The debtor's contract blocked for debt.</summary>
    public string DebtorBlockedContractId => "9102";

    /// <summary>The PPPoE login of the debtor's active contract.</summary>
    public string DebtorLogin => "maria.conformidade";

    /// <summary>The debtor's mobile (unique to them).</summary>
    public PhoneNumber DebtorPhone { get; private init; }

    /// <summary>The debtor's paid invoice (never part of the debt).</summary>
    public string PaidInvoiceId => "9205";

    /// <summary>The debtor's cancelled invoice (never part of the debt).</summary>
    public string CancelledInvoiceId => "9206";

    /// <summary>The customer with no document on file, found by <see cref="PhoneOnlyPhone"/>.</summary>
    public string PhoneOnlyCustomerId => "9002";

    /// <summary>The phone-only customer's mobile (unique to them).</summary>
    public PhoneNumber PhoneOnlyPhone { get; private init; }

    /// <summary>A landline two customers have on file (<see cref="SharedPhoneCustomerIds"/>).</summary>
    public PhoneNumber SharedPhone { get; private init; }

    /// <summary>The two customers behind <see cref="SharedPhone"/>.</summary>
    public IReadOnlyList<string> SharedPhoneCustomerIds => ["9003", NoDebtCustomerId];

    /// <summary>The CPF of customer 9003, stored as bare digits in the ERP.</summary>
    public Document UnmaskedStoredDocument { get; private init; }

    /// <summary>A company with nothing open (everything paid or cancelled).</summary>
    public string NoDebtCustomerId => "9004";

    /// <summary>The no-debt company's CNPJ (stored masked).</summary>
    public Document NoDebtDocument { get; private init; }

    /// <summary>The no-debt company's active contract.</summary>
    public string NoDebtActiveContractId => "9105";

    /// <summary>The no-debt company's cancelled contract (access <see cref="AccessStatus.Inactive"/>).</summary>
    public string InactiveContractId => "9106";

    /// <summary>A valid CPF that no customer has.</summary>
    public Document UnknownDocument { get; private init; }

    /// <summary>A valid mobile that no customer has.</summary>
    public PhoneNumber UnknownPhone { get; private init; }

    /// <summary>An id no customer, contract or invoice has.</summary>
    public string UnknownId => "999999";

    /// <summary>Every open invoice of the whole base (open or partially paid, with something left to pay): what a complete bulk listing yields.</summary>
    public IReadOnlyList<Invoice> OpenInvoices =>
        Data.Invoices.Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && i.OpenAmount > 0).ToList();

    /// <summary>The debtor's overdue invoices (due before <see cref="Today"/>), by id.</summary>
    public IReadOnlyList<string> ExpectedOverdueInvoiceIds => OpenOf(DebtorCustomerId).Where(i => i.DueDate < Today).Select(i => i.Id).ToList();

    /// <summary>The debtor's upcoming invoices (due on or after <see cref="Today"/>), by id.</summary>
    public IReadOnlyList<string> ExpectedUpcomingInvoiceIds => OpenOf(DebtorCustomerId).Where(i => i.DueDate >= Today).Select(i => i.Id).ToList();

    /// <summary>What the debtor owes overdue (the open amounts, partial payments deducted).</summary>
    public decimal ExpectedTotalOverdue => OpenOf(DebtorCustomerId).Where(i => i.DueDate < Today).Sum(i => i.OpenAmount);

    /// <summary>Days since the debtor's oldest overdue due date.</summary>
    public int ExpectedMaxDaysOverdue => OpenOf(DebtorCustomerId).Where(i => i.DueDate < Today).Max(i => Today.DayNumber - i.DueDate.DayNumber);

    /// <summary>
    /// The scenario for <paramref name="today"/>: <paramref name="backgroundCustomers"/> generated customers
    /// (seed <paramref name="seed"/>) plus the well-known ones.
    /// </summary>
    /// <param name="today">The São Paulo date of the checks.</param>
    /// <param name="backgroundCustomers">Generated customers around the well-known ones (0 to 2000).</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>The scenario.</returns>
    public static ConformanceScenario Create(DateOnly today, int backgroundCustomers = 24, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(backgroundCustomers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(backgroundCustomers, 2000);
        var background = IspDataGenerator.Generate(new IspDataGeneratorOptions { Today = today, CustomerCount = backgroundCustomers, Seed = seed });

        var usedDocuments = background.Customers.Where(c => c.Document is not null).Select(c => c.Document!.Value.Value).ToHashSet(StringComparer.Ordinal);
        var usedPhones = background.Customers.SelectMany(c => c.Phones).ToHashSet();
        var usedLogins = background.Connections.Select(c => c.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var counter = 0;
        Document FreeCpf()
        {
            while (true)
            {
                var cpf = Document.CpfFromBase(string.Create(CultureInfo.InvariantCulture, $"{731_204_560 + 97 * counter++:000000000}"));
                if (usedDocuments.Add(cpf.Value)) return cpf;
            }
        }
        PhoneNumber FreePhone(string prefix)
        {
            for (var n = 0; ; n++)
            {
                var phone = PhoneNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:0000}"));
                if (usedPhones.Add(phone)) return phone;
            }
        }

        var debtorDocument = FreeCpf();
        var sharedStoredDigits = FreeCpf();
        var unknownDocument = FreeCpf();
        Document noDebtDocument;
        do noDebtDocument = Document.CnpjFromBase(string.Create(CultureInfo.InvariantCulture, $"{41_118_230 + counter++:00000000}0001"));
        while (!usedDocuments.Add(noDebtDocument.Value));
        var debtorPhone = FreePhone("(79) 99811-");
        var phoneOnly = FreePhone("(79) 99822-");
        var shared = FreePhone("(79) 3211-");
        var unknownPhone = FreePhone("(79) 99833-");
        if (usedLogins.Contains("maria.conformidade")) throw new InvalidOperationException("The background base already uses the debtor's login; pick another seed.");

        var customers = new List<Customer>(background.Customers);
        var contracts = new List<Contract>(background.Contracts);
        var connections = new List<IspConnection>(background.Connections);
        var invoices = new List<Invoice>(background.Invoices);

        customers.Add(NewCustomer("9001", "MARIA CONFORMIDADE DA SILVA", debtorDocument, masked: true, [(IspDataKeys.MobilePhone, debtorPhone)], "maria.conformidade@example.com"));
        customers.Add(NewCustomer("9002", "JOSE SO TELEFONE", null, masked: false, [(IspDataKeys.MobilePhone, phoneOnly)], null));
        customers.Add(NewCustomer("9003", "ANA COMPARTILHADA RIBEIRO", sharedStoredDigits, masked: false, [(IspDataKeys.Landline, shared)], null));
        customers.Add(NewCustomer("9004", "EMPRESA SEM DEBITO LTDA", noDebtDocument, masked: true, [(IspDataKeys.Landline, shared)], "financeiro@example.org"));

        var plan = background.Plans[1];
        var business = background.Plans[5];
        AddContract("9101", "9001", "maria.conformidade", plan, AccessState.Active, 0);
        AddContract("9102", "9001", "maria.conformidade2", plan, new AccessState(AccessStatus.Blocked, Detail: $"Blocked ({BlockReason.Overdue})"), 1);
        AddContract("9103", "9002", "jose.sotelefone", plan, AccessState.Active, 2);
        AddContract("9104", "9003", "ana.compartilhada", plan, AccessState.Active, 3);
        AddContract("9105", "9004", "semdebito.empresa", business, AccessState.Active, 4);
        AddContract("9106", "9004", "semdebito.filial", business, new AccessState(AccessStatus.Inactive, Detail: "Contract cancelled"), 5);

        AddInvoice("9201", "9001", "9101", -40, 99.90m, InvoiceStatus.Open, 0m);
        AddInvoice("9202", "9001", "9102", -1, 119.90m, InvoiceStatus.PartiallyPaid, 40m);
        AddInvoice("9203", "9001", "9101", 0, 99.90m, InvoiceStatus.Open, 0m);
        AddInvoice("9204", "9001", "9102", 20, 119.90m, InvoiceStatus.Open, 0m);
        AddInvoice("9205", "9001", "9101", -70, 99.90m, InvoiceStatus.Paid, 99.90m);
        AddInvoice("9206", "9001", "9102", -100, 119.90m, InvoiceStatus.Cancelled, 0m);
        AddInvoice("9207", "9002", "9103", 10, 99.90m, InvoiceStatus.Open, 0m);
        AddInvoice("9208", "9003", "9104", -30, 99.90m, InvoiceStatus.Paid, 99.90m);
        AddInvoice("9209", "9003", "9104", 5, 99.90m, InvoiceStatus.Open, 0m);
        AddInvoice("9210", "9004", "9105", -30, 349.90m, InvoiceStatus.Paid, 349.90m);
        AddInvoice("9211", "9004", "9106", -60, 349.90m, InvoiceStatus.Cancelled, 0m);

        var data = new IspDataSet
        {
            Seed = background.Seed,
            Today = today,
            Plans = background.Plans,
            Customers = customers,
            Contracts = contracts,
            Connections = connections,
            Invoices = invoices,
        };
        var local = new DateTime(today.Year, today.Month, today.Day, 22, 30, 0, DateTimeKind.Unspecified);
        return new ConformanceScenario(data, BrazilTime.FromLocal(local))
        {
            DebtorDocument = debtorDocument,
            DebtorPhone = debtorPhone,
            PhoneOnlyPhone = phoneOnly,
            SharedPhone = shared,
            UnmaskedStoredDocument = sharedStoredDigits,
            NoDebtDocument = noDebtDocument,
            UnknownDocument = unknownDocument,
            UnknownPhone = unknownPhone,
        };

        void AddContract(string id, string customerId, string login, IspPlan contractPlan, AccessState access, int index)
        {
            contracts.Add(new Contract
            {
                Id = id,
                CustomerId = customerId,
                PlanName = contractPlan.Name,
                Login = login,
                Access = access,
                Raw = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    [IspDataKeys.PlanId] = contractPlan.Id,
                    [IspDataKeys.DueDay] = "10",
                    [IspDataKeys.IpAddress] = $"100.127.250.{10 + index}",
                }.AsReadOnly(),
            });
            connections.Add(new IspConnection(id, login, "conf-pppoe-" + id, System.Net.IPAddress.Parse($"100.127.250.{10 + index}"),
                $"E8:48:B8:FA:00:{10 + index:X2}", contractPlan.Id));
        }

        void AddInvoice(string id, string customerId, string contractId, int dueInDays, decimal amount, InvoiceStatus status, decimal paid)
        {
            var due = today.AddDays(dueInDays);
            var open = status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid ? amount - paid : 0m;
            var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (paid > 0)
            {
                raw[IspDataKeys.PaidOn] = (dueInDays < 0 ? due : today.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                raw[IspDataKeys.PaidAmount] = Money.ToInvariantString(paid);
            }
            if (open > 0 && BoletoCodes.TryBuild(id, due, open, out var barcode, out var line))
            {
                raw[IspDataKeys.Barcode] = barcode;
                raw[IspDataKeys.DigitableLine] = line;
            }
            invoices.Add(new Invoice
            {
                Id = id,
                CustomerId = customerId,
                ContractId = contractId,
                DueDate = due,
                Amount = amount,
                OpenAmount = open,
                Status = status,
                Description = string.Create(CultureInfo.InvariantCulture, $"Mensalidade {due:MM/yyyy}"),
                Raw = raw.AsReadOnly(),
            });
        }
    }

    /// <summary>The subscriber (contract id, customer id, login, IP and MAC) of one of <see cref="Data"/>'s contracts.</summary>
    /// <param name="contractId">A contract id of <see cref="Data"/>, or <see cref="UnknownId"/> for a subscriber no one has.</param>
    /// <returns>The subscriber.</returns>
    public Subscriber SubscriberFor(string contractId)
    {
        ArgumentNullException.ThrowIfNull(contractId);
        var contract = Data.Contracts.FirstOrDefault(c => c.Id == contractId);
        if (contract is null) return new Subscriber { ContractId = contractId, Login = "ninguem." + contractId };
        var connection = Data.Connections.FirstOrDefault(c => c.ContractId == contractId);
        return contract.ToSubscriber() with { IpAddress = connection?.IpAddress, MacAddress = connection?.MacAddress };
    }

    /// <summary>Every document and phone of the well-known customers, as digits and formatted: text no exception message may contain.</summary>
    public IReadOnlyList<string> PersonalData()
    {
        var documents = new[] { DebtorDocument, UnmaskedStoredDocument, NoDebtDocument, UnknownDocument };
        var phones = new[] { DebtorPhone, PhoneOnlyPhone, SharedPhone, UnknownPhone };
        return documents.SelectMany(d => new[] { d.Value, d.Formatted })
            .Concat(phones.SelectMany(p => new[] { p.Formatted, p.E164, p.Ddd.ToString(CultureInfo.InvariantCulture) + p.Number }))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<Invoice> OpenOf(string customerId) => OpenInvoices.Where(i => i.CustomerId == customerId);

    private static Customer NewCustomer(string id, string name, Document? document, bool masked,
        (string Key, PhoneNumber Phone)[] phones, string? email)
    {
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [IspDataKeys.Street] = "Rua da Conformidade, 100",
            [IspDataKeys.District] = "Centro",
            [IspDataKeys.City] = "Aracaju",
            [IspDataKeys.State] = "SE",
            [IspDataKeys.PostalCode] = "49000-100",
        };
        if (document is { } doc) raw[IspDataKeys.DocumentText] = masked ? doc.Formatted : doc.Value;
        foreach (var (key, phone) in phones) raw[key] = phone.Formatted;
        return new Customer
        {
            Id = id,
            Name = name,
            Document = document,
            Phones = phones.Select(p => p.Phone).ToList(),
            Email = email,
            Raw = raw.AsReadOnly(),
        };
    }

    /// <summary>A clock that always reads the same instant (its timers are the system's).</summary>
    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => BrazilTime.Zone;
    }
}
