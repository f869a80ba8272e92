using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class SmokeTests
{
    [Theory]
    [InlineData(MkAuthSandboxProfile.Current)]
    [InlineData(MkAuthSandboxProfile.Legacy)]
    public async Task Finds_maria_and_her_debt(MkAuthSandboxProfile profile)
    {
        await using var host = await MkAuthTestHost.StartAsync(profile);
        var billing = host.Client.AsBillingSystem();
        var found = await billing.FindCustomersAsync(CustomerLookup.ByDocument(MkAuthSandboxData.MariaCpfDigits));
        var maria = Assert.Single(found);
        Assert.Equal(MkAuthSandboxData.MariaUuid, maria.Id);
        var debt = await billing.GetDebtStatusAsync(maria.Id);
        Assert.Equal(2, debt.Contracts.Count);
        Assert.Equal(2, debt.Overdue.Count);
        Assert.Single(debt.Upcoming);
    }
}
