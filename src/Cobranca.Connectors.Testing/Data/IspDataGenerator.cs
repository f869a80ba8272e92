using System.Globalization;
using System.Net;
using System.Text;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// Generates a realistic, deterministic ISP: people with valid CPFs and companies with valid CNPJs (some
/// alphanumeric), Brazilian names and cities of one region, phones typed in the masks people really use, contracts
/// with PPPoE logins and CGNAT IPs, and invoices that are paid, upcoming, overdue by 1 to 90 days (some customers
/// with several), partially paid, cancelled, plus stand-alone charges without a contract.
/// </summary>
/// <remarks>The same <see cref="IspDataGeneratorOptions"/> (seed, counts, today) always produce the same data set.</remarks>
public static class IspDataGenerator
{
    private static readonly IspPlan[] Catalogue =
    [
        new("1", "100 MEGA", 89.90m, Bandwidth.FromMegabits(100, 50)),
        new("2", "300 MEGA", 99.90m, Bandwidth.FromMegabits(300, 150)),
        new("3", "500 MEGA", 119.90m, Bandwidth.FromMegabits(500, 250)),
        new("4", "700 MEGA", 149.90m, Bandwidth.FromMegabits(700, 350)),
        new("5", "1 GIGA", 199.90m, Bandwidth.FromMegabits(1000, 500)),
        new("6", "EMPRESARIAL 600 MEGA", 349.90m, Bandwidth.FromMegabits(600, 600)),
    ];

    private static readonly string[] MacPrefixes = ["E8:48:B8", "C8:3A:35", "50:C7:BF", "F4:F2:6D", "9C:A2:F4"];
    private static readonly string[] EmailDomains = ["example.com", "example.net", "example.org"];
    private static readonly int[] CarrierCodes = [12, 14, 15, 21, 31, 41];
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Generates a data set.</summary>
    /// <param name="options">Seed, counts and the reference date.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public static IspDataSet Generate(IspDataGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CustomerCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CustomerCount, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HistoryMonths, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.HistoryMonths, 24);
        if (options.CompanyShare is < 0 or > 1 || double.IsNaN(options.CompanyShare))
            throw new ArgumentOutOfRangeException(nameof(options), "CompanyShare must be between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(options.BlockAfterDaysOverdue);

        return new Builder(options).Build();
    }

    private enum Behaviour { Cancelled, GoodPayer, LatePayer, Delinquent, PartialPayer }

    private sealed class Builder(IspDataGeneratorOptions options)
    {
        private readonly Random _rng = new(options.Seed);
        private readonly DateOnly _today = options.Today;
        private readonly List<Customer> _customers = new(options.CustomerCount);
        private readonly List<Contract> _contracts = new(options.CustomerCount);
        private readonly List<IspConnection> _connections = new(options.CustomerCount);
        private readonly List<Invoice> _invoices = new(options.CustomerCount * (options.HistoryMonths + 2));
        private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
        private readonly HashSet<string> _logins = new(StringComparer.Ordinal);
        private readonly List<string> _mobileTexts = [];
        private (string City, string State, int Ddd, string Cep)[] _region = [];
        private int _nextContract = 5001;
        private int _nextInvoice = 20001;

        public IspDataSet Build()
        {
            _region = BrazilianNames.Regions[_rng.Next(BrazilianNames.Regions.Length)];
            for (var i = 0; i < options.CustomerCount; i++) AddCustomer((1001 + i).ToString(CultureInfo.InvariantCulture));

            return new IspDataSet
            {
                Seed = options.Seed,
                Today = _today,
                Plans = Catalogue,
                Customers = _customers,
                Contracts = _contracts,
                Connections = _connections,
                Invoices = _invoices,
            };
        }

        private void AddCustomer(string id)
        {
            var isCompany = _rng.NextDouble() < options.CompanyShare;
            var place = _region[_rng.Next(_region.Length)];
            var first = Pick(BrazilianNames.FirstNames);
            var surname = Pick(BrazilianNames.Surnames);
            var name = isCompany
                ? $"{Pick(BrazilianNames.Businesses)} {surname} {Pick(BrazilianNames.CompanySuffixes)}"
                : _rng.Next(3) == 0 ? $"{first} {surname}" : $"{first} {Pick(BrazilianNames.Surnames)} {surname}";
            var document = isCompany ? NewCnpj() : NewCpf();

            var behaviour = _rng.NextDouble() switch
            {
                < 0.03 => Behaviour.Cancelled,
                < 0.65 => Behaviour.GoodPayer,
                < 0.85 => Behaviour.LatePayer,
                < 0.97 => Behaviour.Delinquent,
                _ => Behaviour.PartialPayer,
            };

            var raw = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [IspDataKeys.DocumentText] = _rng.Next(5) < 3 ? document.Formatted : document.Value,
                [IspDataKeys.Street] = $"{Pick(BrazilianNames.Streets)}, {_rng.Next(1, 2000)}",
                [IspDataKeys.District] = Pick(BrazilianNames.Districts),
                [IspDataKeys.City] = place.City,
                [IspDataKeys.State] = place.State,
                [IspDataKeys.PostalCode] = string.Create(CultureInfo.InvariantCulture, $"{place.Cep}{_rng.Next(100):00}-{_rng.Next(1000):000}"),
            };
            var phones = new List<PhoneNumber>(3);
            AddPhone(phones, raw, IspDataKeys.MobilePhone, NewMobileText(place.Ddd));
            if (_rng.Next(10) < 4) AddPhone(phones, raw, IspDataKeys.Landline, NewLandlineText(place.Ddd));
            if (_rng.Next(10) < 3) AddPhone(phones, raw, IspDataKeys.WhatsApp, "55" + phones[0].E164[3..]);

            string? email = _rng.Next(10) < 7
                ? isCompany
                    ? $"contato.{Slug(surname)}{id}@example.com"
                    : $"{Slug(first)}.{Slug(surname)}{_rng.Next(1, 100)}@{Pick(EmailDomains)}"
                : null;

            _customers.Add(new Customer
            {
                Id = id,
                Name = name,
                Document = document,
                Phones = phones,
                Email = email,
                IsActive = behaviour != Behaviour.Cancelled,
                Raw = raw.AsReadOnly(),
            });

            var contractCount = _rng.NextDouble() < (isCompany ? 0.35 : 0.05) ? 2 : 1;
            string? firstContract = null;
            for (var c = 0; c < contractCount; c++)
            {
                var contractId = AddContract(id, isCompany, first, surname, behaviour);
                firstContract ??= contractId;
            }

            if (behaviour != Behaviour.Cancelled && _rng.NextDouble() < 0.06) AddStandaloneCharge(id, firstContract!);
        }

        private string AddContract(string customerId, bool isCompany, string first, string surname, Behaviour behaviour)
        {
            var index = _connections.Count;
            var contractId = (_nextContract++).ToString(CultureInfo.InvariantCulture);
            var plan = isCompany
                ? Catalogue[_rng.Next(2) == 0 ? 5 : 4]
                : Catalogue[_rng.Next(10) switch { 0 => 0, < 5 => 1, < 8 => 2, 8 => 3, _ => 4 }];
            var dueDay = _rng.Next(1, 29);
            var login = UniqueLogin(isCompany ? Slug(surname) + ".empresa" : $"{Slug(first)}.{Slug(surname)}", contractId);
            var ip = new IPAddress([100, (byte)(64 + index / 65024), (byte)(index / 254 % 256), (byte)(index % 254 + 1)]);
            // The low 24 bits are a bijection of the contract index (odd multiplier mod 2^24), so MACs never repeat.
            var nic = (int)((uint)(index * 0x9E3779) & 0xFFFFFF);
            var mac = $"{Pick(MacPrefixes)}:{nic >> 16:X2}:{(nic >> 8) & 0xFF:X2}:{nic & 0xFF:X2}";
            var password = new string(Enumerable.Range(0, 10).Select(_ => Alphanumeric[_rng.Next(Alphanumeric.Length)]).ToArray()).ToLowerInvariant();
            _connections.Add(new IspConnection(contractId, login, password, ip, mac, plan.Id));

            var maxDaysOverdue = AddMonthlyInvoices(customerId, contractId, plan, dueDay, behaviour);
            var access = behaviour switch
            {
                Behaviour.Cancelled => new AccessState(AccessStatus.Inactive, Detail: "Contract cancelled"),
                _ when maxDaysOverdue > options.BlockAfterDaysOverdue => new AccessState(AccessStatus.Blocked, Detail: $"Blocked ({BlockReason.Overdue})"),
                _ when _rng.Next(100) == 0 => new AccessState(AccessStatus.Blocked, Detail: $"Blocked ({BlockReason.Manual})"),
                _ => AccessState.Active,
            };

            _contracts.Add(new Contract
            {
                Id = contractId,
                CustomerId = customerId,
                PlanName = plan.Name,
                Login = login,
                Access = access,
                Raw = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    [IspDataKeys.PlanId] = plan.Id,
                    [IspDataKeys.DueDay] = dueDay.ToString(CultureInfo.InvariantCulture),
                    [IspDataKeys.IpAddress] = ip.ToString(),
                }.AsReadOnly(),
            });
            return contractId;
        }

        /// <summary>Adds the contract's monthly invoices and returns the most days any of them is overdue.</summary>
        private int AddMonthlyInvoices(string customerId, string contractId, IspPlan plan, int dueDay, Behaviour behaviour)
        {
            var firstMonth = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-options.HistoryMonths);
            var dueDates = new List<DateOnly>(options.HistoryMonths + 2);
            for (var m = 0; m <= options.HistoryMonths + 1; m++)
            {
                var month = firstMonth.AddMonths(m);
                var due = new DateOnly(month.Year, month.Month, Math.Min(dueDay, DateTime.DaysInMonth(month.Year, month.Month)));
                if (due > _today.AddDays(30)) break;
                if (behaviour == Behaviour.Cancelled && due >= _today) break;
                dueDates.Add(due);
            }

            // Past-due invoices within 90 days, most recent first: the candidates to leave unpaid.
            var recentPastDue = dueDates.Where(d => d < _today && _today.DayNumber - d.DayNumber <= 90).OrderDescending().ToList();
            var unpaid = behaviour switch
            {
                Behaviour.LatePayer or Behaviour.PartialPayer => recentPastDue.Take(1).ToHashSet(),
                Behaviour.Delinquent => recentPastDue.Take(_rng.Next(2, 4)).ToHashSet(),
                _ => [],
            };

            var maxDays = 0;
            foreach (var due in dueDates)
            {
                var description = string.Create(CultureInfo.InvariantCulture, $"Mensalidade {plan.Name} - {due:MM/yyyy}");
                if (due >= _today)
                {
                    AddInvoice(customerId, contractId, due, plan.MonthlyPrice, description, InvoiceStatus.Open, 0m, null);
                }
                else if (unpaid.Contains(due))
                {
                    maxDays = Math.Max(maxDays, _today.DayNumber - due.DayNumber);
                    if (behaviour == Behaviour.PartialPayer)
                    {
                        var paid = Money.Round(plan.MonthlyPrice * (0.3m + 0.1m * _rng.Next(5)));
                        AddInvoice(customerId, contractId, due, plan.MonthlyPrice, description, InvoiceStatus.PartiallyPaid, paid, PaidOn(due));
                    }
                    else
                    {
                        AddInvoice(customerId, contractId, due, plan.MonthlyPrice, description, InvoiceStatus.Open, 0m, null);
                    }
                }
                else if (_rng.Next(100) == 0)
                {
                    AddInvoice(customerId, contractId, due, plan.MonthlyPrice, description, InvoiceStatus.Cancelled, 0m, null);
                }
                else
                {
                    AddInvoice(customerId, contractId, due, plan.MonthlyPrice, description, InvoiceStatus.Paid, plan.MonthlyPrice, PaidOn(due));
                }
            }
            return maxDays;
        }

        private void AddStandaloneCharge(string customerId, string contractId)
        {
            var (description, amount) = _rng.Next(3) switch
            {
                0 => ("Taxa de instalação", 150.00m),
                1 => ("Visita técnica", 80.00m),
                _ => ("Roteador Wi-Fi 6 (parcela única)", 249.90m),
            };
            var due = _today.AddDays(_rng.Next(-60, 21));
            var paid = due < _today && _rng.Next(2) == 0;
            AddInvoice(customerId, null, due, amount, description, paid ? InvoiceStatus.Paid : InvoiceStatus.Open,
                paid ? amount : 0m, paid ? PaidOn(due) : null, contractId);
        }

        private void AddInvoice(string customerId, string? contractId, DateOnly due, decimal amount, string description,
            InvoiceStatus status, decimal paidAmount, DateOnly? paidOn, string? standaloneContractId = null)
        {
            var id = (_nextInvoice++).ToString(CultureInfo.InvariantCulture);
            var open = status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid ? amount - paidAmount : 0m;
            var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (standaloneContractId is not null) raw[IspDataKeys.StandaloneContractId] = standaloneContractId;
            if (paidOn is { } on)
            {
                raw[IspDataKeys.PaidOn] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                raw[IspDataKeys.PaidAmount] = Money.ToInvariantString(paidAmount);
            }
            if (open > 0 && BoletoCodes.TryBuild(id, due, open, out var barcode, out var line))
            {
                raw[IspDataKeys.Barcode] = barcode;
                raw[IspDataKeys.DigitableLine] = line;
            }

            _invoices.Add(new Invoice
            {
                Id = id,
                CustomerId = customerId,
                ContractId = contractId,
                DueDate = due,
                Amount = amount,
                OpenAmount = open,
                Status = status,
                Description = description,
                Raw = raw.AsReadOnly(),
            });
        }

        private DateOnly PaidOn(DateOnly due)
        {
            var paid = due.AddDays(_rng.Next(-5, 6));
            return paid >= _today ? _today.AddDays(-1) : paid;
        }

        private Document NewCpf()
        {
            while (true)
            {
                var body = string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(1, 1_000_000_000):000000000}");
                if (body.Distinct().Count() == 1) continue;
                var cpf = Document.CpfFromBase(body);
                if (_documents.Add(cpf.Value)) return cpf;
            }
        }

        private Document NewCnpj()
        {
            while (true)
            {
                // One in five companies is recent enough to have an alphanumeric CNPJ root (IN RFB 2.229/2024).
                var alphanumeric = _rng.Next(5) == 0;
                var root = alphanumeric
                    ? new string(Enumerable.Range(0, 8).Select(_ => Alphanumeric[_rng.Next(Alphanumeric.Length)]).ToArray())
                    : string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(1, 100_000_000):00000000}");
                if (root.All(char.IsAsciiDigit) && alphanumeric) continue;
                var cnpj = Document.CnpjFromBase(root + (_rng.Next(6) == 0 ? "0002" : "0001"));
                if (_documents.Add(cnpj.Value)) return cnpj;
            }
        }

        private string NewMobileText(int ddd)
        {
            // Families share a phone: a few customers reuse a number already on file.
            if (_mobileTexts.Count > 0 && _rng.Next(25) == 0) return _mobileTexts[_rng.Next(_mobileTexts.Count)];

            var n = string.Create(CultureInfo.InvariantCulture, $"9{_rng.Next(6, 10)}{_rng.Next(10_000_000):0000000}");
            var text = _rng.Next(8) switch
            {
                0 => $"({ddd}) {n[..5]}-{n[5..]}",
                1 => $"{ddd}{n}",
                2 => $"+55 {ddd} {n[..5]}-{n[5..]}",
                3 => $"0{ddd} {n[..5]}-{n[5..]}",
                4 => $"({ddd}) {n[1..5]}-{n[5..]}",
                5 => $"0 {Pick(CarrierCodes)} {ddd} {n[..5]}-{n[5..]}",
                6 => $"55{ddd}{n}",
                _ => $"({ddd}) {n[..1]} {n[1..5]}-{n[5..]}",
            };
            _mobileTexts.Add(text);
            return text;
        }

        private string NewLandlineText(int ddd)
        {
            var n = string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(2, 6)}{_rng.Next(10_000_000):0000000}");
            return _rng.Next(4) switch
            {
                0 => $"({ddd}) {n[..4]}-{n[4..]}",
                1 => $"{ddd}{n}",
                2 => $"0{ddd} {n[..4]}.{n[4..]}",
                _ => $"0 {Pick(CarrierCodes)} {ddd} {n[..4]}-{n[4..]}",
            };
        }

        private static void AddPhone(List<PhoneNumber> phones, Dictionary<string, string?> raw, string key, string text)
        {
            raw[key] = text;
            // Every mask generated here is one PhoneNumber documents as accepted: a failure is a generator or parser bug.
            var phone = PhoneNumber.Parse(text);
            if (!phones.Contains(phone)) phones.Add(phone);
        }

        private string UniqueLogin(string baseLogin, string contractId)
        {
            var login = baseLogin;
            if (!_logins.Add(login))
            {
                login = baseLogin + contractId;
                _logins.Add(login);
            }
            return login;
        }

        private T Pick<T>(T[] items) => items[_rng.Next(items.Length)];

        private static string Slug(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }
    }
}
