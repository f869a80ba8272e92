using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class CustomerLookupTests
{
    [Fact]
    public async Task Phone_search_likes_the_masked_last_eight_digits_in_all_four_fields_and_checks_the_area_code()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse("+55 79 99876-5432")));

        var bodies = host.RequestsTo("cliente").Select(r => Canonical(r.Body)).OrderBy(b => b, StringComparer.Ordinal).ToList();
        var expected = new[] { "telefone_celular", "whatsapp", "telefone_comercial", "fone" }
            .Select(f => Canonical(ListingBody("cliente." + f, "9876-5432", oper: "L"))).OrderBy(b => b, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, bodies);
        Assert.All(host.Sandbox.Requests, r => Assert.Equal("listar", r.Header("ixcsoft")));

        // Maria (celular), João (WhatsApp stored without the ninth digit): both returned; Pedro has the same
        // last eight digits in area code 11 and is excluded client-side.
        Assert.Equal([IxcSandboxData.MariaCustomerId, IxcSandboxData.JoaoCustomerId], found.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Phone_search_finds_landlines_too()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse("79 3211-0000")));

        Assert.Equal(IxcSandboxData.MariaCustomerId, Assert.Single(found).Id);
        Assert.Contains(host.RequestsTo("cliente"), r => Canonical(r.Body) == Canonical(ListingBody("cliente.fone", "3211-0000", oper: "L")));
    }

    [Fact]
    public async Task Login_lookup_goes_through_radusuarios()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByLogin(IxcSandboxData.MariaLogin));

        Assert.Equal(IxcSandboxData.MariaCustomerId, Assert.Single(found).Id);
        Assert.Equal(["radusuarios", "cliente"], host.Sandbox.Requests.Select(r => r.Resource));
        Assert.Equal(Canonical(ListingBody("radusuarios.login", IxcSandboxData.MariaLogin)), Canonical(host.Sandbox.Requests[0].Body));
        Assert.Equal(Canonical(ListingBody("cliente.id", IxcSandboxData.MariaCustomerId)), Canonical(host.Sandbox.Requests[1].Body));
    }

    [Fact]
    public async Task Id_lookup_reads_one_row()
    {
        await using var host = await StartAsync();

        var found = await host.Client.AsBillingSystem().FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.JoaoCustomerId));

        var joao = Assert.Single(found);
        Assert.Equal(Document.Parse(IxcSandboxData.JoaoCnpj), joao.Document);
        Assert.Equal(DocumentKind.Cnpj, joao.Document!.Value.Kind);
        Assert.Equal([PhoneNumber.Parse("(79) 99876-5432")], joao.Phones); // stored without the ninth digit, normalised
    }
}
