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
        Assert.Equal(data.Invoices.Count, data.Invoices.Select(i => i.Id).Distinct().Count());
    }

    private static string Fingerprint(IspDataSet d) => string.Join("|",
        d.Customers.Select(c => $"{c.Id};{c.Name};{c.Document?.Value};{string.Join(",", c.Phones.Select(p => p.E164))};{c.Email}")
            .Concat(d.Contracts.Select(c => $"{c.Id};{c.Login};{c.Access.Status}"))
            .Concat(d.Connections.Select(c => $"{c.Login};{c.IpAddress};{c.MacAddress};{c.Password}"))
            .Concat(d.Invoices.Select(i => $"{i.Id};{i.DueDate};{i.Amount};{i.OpenAmount};{i.Status}")));
}
