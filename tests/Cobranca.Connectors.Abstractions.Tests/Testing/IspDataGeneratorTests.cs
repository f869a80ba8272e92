using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

public class IspDataGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static IspDataSet Generate(int seed = 7, int customers = 300) =>
        IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = seed, CustomerCount = customers, Today = Today });

    [Fact]
    public void Same_seed_gives_the_same_data_set()
    {
        var a = Generate();
        var b = Generate();
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(Generate(seed: 8)));
    }

    [Fact]
    public void Counts_and_ids_are_consistent()
    {
        var data = Generate();
        Assert.Equal(300, data.Customers.Count);
        Assert.Equal(data.Customers.Count, data.Customers.Select(c => c.Id).Distinct().Count());
        var customerIds = data.Customers.Select(c => c.Id).ToHashSet();
        var contractIds = data.Contracts.Select(c => c.Id).ToHashSet();
        Assert.Equal(data.Contracts.Count, contractIds.Count);
        Assert.All(data.Contracts, c => Assert.Contains(c.CustomerId, customerIds));
        Assert.All(data.Invoices, i => Assert.Contains(i.CustomerId, customerIds));
        Assert.All(data.Invoices.Where(i => i.ContractId is not null), i => Assert.Contains(i.ContractId!, contractIds));
        Assert.Equal(data.Contracts.Count, data.Connections.Count);
        Assert.Equal(data.Connections.Count, data.Connections.Select(c => c.Login).Distinct().Count());
        Assert.Equal(data.Connections.Count, data.Connections.Select(c => c.IpAddress).Distinct().Count());
        Assert.Equal(data.Connections.Count, data.Connections.Select(c => c.MacAddress[9..]).Distinct().Count());
        Assert.Equal(data.Invoices.Count, data.Invoices.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Documents_are_valid_unique_and_include_alphanumeric_cnpjs()
    {
        var data = Generate(customers: 600);
        Assert.All(data.Customers, c =>
        {
            Assert.NotNull(c.Document);
            Assert.True(Document.TryParse(c.Document.Value.Value, out var reparsed));
            Assert.Equal(c.Document.Value, reparsed);
            Assert.Equal(c.Document.Value, Document.Parse(c.Raw[IspDataKeys.DocumentText]!));
        });
        Assert.Equal(data.Customers.Count, data.Customers.Select(c => c.Document!.Value.Value).Distinct().Count());
        var cnpjs = data.Customers.Where(c => c.Document!.Value.Kind == DocumentKind.Cnpj).ToList();
        Assert.InRange(cnpjs.Count, 30, 120);
        Assert.Contains(cnpjs, c => c.Document!.Value.Value[..12].Any(char.IsAsciiLetter));
        Assert.Contains(data.Customers, c => c.Raw[IspDataKeys.DocumentText]!.Contains('.', StringComparison.Ordinal));
        Assert.Contains(data.Customers, c => c.Raw[IspDataKeys.DocumentText]!.All(char.IsAsciiLetterOrDigit));
    }

    [Fact]
    public void Phones_are_typed_in_several_masks_and_some_are_shared()
    {
        var data = Generate(customers: 600);
        var texts = data.Customers.Select(c => c.Raw[IspDataKeys.MobilePhone]!).ToList();
        Assert.All(data.Customers, c =>
        {
            Assert.NotEmpty(c.Phones);
            Assert.Equal(PhoneNumber.Parse(c.Raw[IspDataKeys.MobilePhone]!), c.Phones[0]);
            Assert.All(c.Phones, p => Assert.True(p.IsMobile || p.Number[0] is >= '2' and <= '5'));
        });
        Assert.Contains(texts, t => t.StartsWith('('));
        Assert.Contains(texts, t => t.StartsWith("+55", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith('0'));
        Assert.Contains(texts, t => t.All(char.IsAsciiDigit));
        Assert.Contains(texts, t => new string(t.Where(char.IsAsciiDigit).ToArray()).Length == 10); // mobile without the ninth digit
        Assert.Contains(data.Customers, c => c.Raw.ContainsKey(IspDataKeys.Landline));
        Assert.Contains(data.Customers, c => c.Raw.ContainsKey(IspDataKeys.WhatsApp));
        var shared = data.Customers.SelectMany(c => c.Phones.Select(p => (c.Id, p))).GroupBy(x => x.p).Where(g => g.Count() > 1);
        Assert.NotEmpty(shared);
        // A regional ISP: every customer lives in one region (each built-in region has a single area code).
        Assert.Single(data.Customers.SelectMany(c => c.Phones).Select(p => p.Ddd).Distinct());
        Assert.Single(data.Customers.Select(c => c.Raw[IspDataKeys.State]).Distinct());
    }

    [Fact]
    public void Overdue_invoices_spread_from_1_to_90_days_and_drive_blocking()
    {
        var data = Generate(customers: 600);
        var open = data.Invoices.Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid).ToList();
        var overdue = open.Where(i => i.DueDate < Today).ToList();
        Assert.All(overdue, i => Assert.InRange(i.DaysOverdueOn(Today), 1, 90));
        Assert.Contains(overdue, i => i.DaysOverdueOn(Today) <= 15);
        Assert.Contains(overdue, i => i.DaysOverdueOn(Today) is > 15 and <= 30);
        Assert.Contains(overdue, i => i.DaysOverdueOn(Today) is > 30 and <= 60);
        Assert.Contains(overdue, i => i.DaysOverdueOn(Today) is > 60 and <= 90);
        Assert.Contains(open, i => i.DueDate >= Today);
        Assert.Contains(data.Invoices, i => i.Status == InvoiceStatus.Paid && i.Raw.ContainsKey(IspDataKeys.PaidOn));
        Assert.Contains(data.Invoices, i => i.Status == InvoiceStatus.PartiallyPaid && i.OpenAmount < i.Amount && i.OpenAmount > 0);
        Assert.Contains(data.Invoices, i => i.Status == InvoiceStatus.Cancelled);
        Assert.True(overdue.GroupBy(i => i.CustomerId).Count(g => g.Count() >= 2) >= 10);

        var standalone = data.Invoices.Where(i => i.ContractId is null).ToList();
        Assert.NotEmpty(standalone);
        Assert.All(standalone, i => Assert.Contains(data.Contracts, c => c.Id == i.Raw[IspDataKeys.StandaloneContractId] && c.CustomerId == i.CustomerId));

        Assert.All(open.Where(i => i.OpenAmount > 0), i =>
        {
            Assert.Equal(47, i.Raw[IspDataKeys.DigitableLine]!.Length);
            Assert.Equal(BoletoCodes.LineFromBarcode(i.Raw[IspDataKeys.Barcode]!), i.Raw[IspDataKeys.DigitableLine]);
        });

        foreach (var contract in data.Contracts.Where(c => c.Access.Status != AccessStatus.Inactive))
        {
            var maxDays = overdue.Where(i => i.ContractId == contract.Id).Select(i => i.DaysOverdueOn(Today)).DefaultIfEmpty(0).Max();
            if (maxDays > 15) Assert.Equal(AccessStatus.Blocked, contract.Access.Status);
            else if (contract.Access.Status == AccessStatus.Blocked) Assert.Contains("Manual", contract.Access.Detail, StringComparison.Ordinal);
        }
        Assert.Contains(data.Contracts, c => c.Access.Status == AccessStatus.Blocked);
        Assert.Contains(data.Contracts, c => c.Access.Status == AccessStatus.Inactive);
        Assert.All(data.Customers.Where(c => !c.IsActive), c =>
            Assert.DoesNotContain(open, i => i.CustomerId == c.Id));
    }

    [Fact]
    public void Contracts_carry_plans_logins_and_addresses()
    {
        var data = Generate();
        var plans = data.Plans.ToDictionary(p => p.Id);
        Assert.All(data.Connections, c =>
        {
            Assert.Matches("^[a-z0-9.]+$", c.Login);
            Assert.Equal(100, c.IpAddress.GetAddressBytes()[0]);
            Assert.Matches("^([0-9A-F]{2}:){5}[0-9A-F]{2}$", c.MacAddress);
            Assert.True(plans.ContainsKey(c.PlanId));
            Assert.False(string.IsNullOrEmpty(c.Password));
        });
        Assert.All(data.Contracts, c =>
        {
            var connection = data.Connections.Single(x => x.ContractId == c.Id);
            Assert.Equal(connection.Login, c.Login);
            Assert.Equal(plans[connection.PlanId].Name, c.PlanName);
            Assert.Equal(connection.IpAddress.ToString(), c.Raw[IspDataKeys.IpAddress]);
        });
        Assert.All(data.Customers, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.Matches(@"^\d{5}-\d{3}$", c.Raw[IspDataKeys.PostalCode]!);
            Assert.Equal(2, c.Raw[IspDataKeys.State]!.Length);
        });
        Assert.Contains(data.Customers, c => c.Email is not null);
        Assert.All(data.Customers.Where(c => c.Email is not null), c => Assert.Matches(@"@example\.(com|net|org)$", c.Email!));
        Assert.Contains(data.Customers, c => data.Contracts.Count(x => x.CustomerId == c.Id) > 1);
    }

    [Fact]
    public void A_large_isp_has_unique_identifiers_and_seeds_a_fake()
    {
        var data = Generate(customers: 5_000);
        Assert.Equal(data.Connections.Count, data.Connections.Select(c => c.MacAddress[9..]).Distinct().Count());
        Assert.Equal(data.Connections.Count, data.Connections.Select(c => c.Login).Distinct().Count());
        Assert.Equal(data.Customers.Count, data.Customers.Select(c => c.Document!.Value.Value).Distinct().Count());
        var billing = new FakeBillingSystem(data); // registers every contract by id, login, IP and MAC: throws on a clash
        Assert.Equal(FakeBillingSystem.ProviderName, billing.Info.Name);
    }

    [Fact]
    public void Options_are_validated_and_zero_customers_is_empty()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IspDataGenerator.Generate(new IspDataGeneratorOptions { Today = Today, CustomerCount = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IspDataGenerator.Generate(new IspDataGeneratorOptions { Today = Today, HistoryMonths = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IspDataGenerator.Generate(new IspDataGeneratorOptions { Today = Today, CompanyShare = 1.5 }));
        var empty = IspDataGenerator.Generate(new IspDataGeneratorOptions { Today = Today, CustomerCount = 0 });
        Assert.Empty(empty.Customers);
        Assert.Empty(empty.Invoices);
        Assert.NotEmpty(empty.Plans);
    }

    private static string Fingerprint(IspDataSet d) => string.Join("|",
        d.Customers.Select(c => $"{c.Id};{c.Name};{c.Document?.Value};{string.Join(",", c.Phones.Select(p => p.E164))};{c.Email}")
            .Concat(d.Contracts.Select(c => $"{c.Id};{c.Login};{c.Access.Status}"))
            .Concat(d.Connections.Select(c => $"{c.Login};{c.IpAddress};{c.MacAddress};{c.Password}"))
            .Concat(d.Invoices.Select(i => $"{i.Id};{i.DueDate};{i.Amount};{i.OpenAmount};{i.Status}")));
}
