// DI + appsettings.json as a user's host app does it. The tenant's options come from the "Cobranca:Ixc:isp-a" section;
// the address and credentials of the local IXC sandbox override them (as a secret store or environment would).
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

await using var sandbox = await IxcSandbox.StartAsync();

var builder = Host.CreateApplicationBuilder(args);
if (builder.Configuration["Cobranca:Ixc:isp-a:UserId"] != "from-appsettings")
{
    Console.Error.WriteLine("consumer di: appsettings.json was not loaded");
    return 1;
}
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Cobranca:Ixc:isp-a:BaseAddress"] = sandbox.BaseUrl.ToString(),
    ["Cobranca:Ixc:isp-a:UserId"] = sandbox.UserId,
    ["Cobranca:Ixc:isp-a:Token"] = sandbox.Token,
});
builder.Services.AddIxcClient("isp-a");

using var host = builder.Build();
await host.StartAsync();
var billing = host.Services.GetRequiredKeyedService<IBillingSystem>("isp-a");
var customers = await billing.FindCustomersAsync(CustomerLookup.ByDocument("123.456.789-09"));
if (customers.Count != 1)
{
    Console.Error.WriteLine($"consumer di: expected one customer, found {customers.Count}");
    return 1;
}
var debt = await billing.GetDebtStatusAsync(customers[0].Id);
Console.WriteLine($"DI: {customers[0].Name}: {Money.Format(debt.TotalOverdue)} overdue");
await host.StopAsync();
Console.WriteLine("consumer di: ok");
return 0;
