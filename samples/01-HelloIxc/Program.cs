// Sample 01: the smallest IXC integration. Finds a customer by CPF and prints it.
// Runs against the embedded IXC sandbox; no IXC instance or credentials needed.
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;

// 1. A local IXC-shaped webservice on 127.0.0.1 (random port) with fictitious customers.
//    Against your own IXC, drop this line and use your instance's address, user id and token below.
await using var sandbox = await IxcSandbox.StartAsync();

// 2. One client per IXC instance. It owns its HttpClient (retries of reads, timeouts, circuit breaker), so dispose it.
using var ixc = new IxcClient(new IxcClientOptions
{
    BaseAddress = sandbox.BaseUrl, // e.g. "https://ixc.example.com.br"
    UserId = sandbox.UserId,              // the "102" of a token "102:c46..."
    Token = sandbox.Token,                // the part after the colon: read it from a secret store, never hard-code it
});

// 3. The common interface: the same code works for any ERP connector.
IBillingSystem billing = ixc.AsBillingSystem();

// 4. Find by CPF. Digits only or masked both work: IXC stores "123.456.789-09" and only matches that exact text,
//    so the SDK sends the masked form first.
var customers = await billing.FindCustomersAsync(CustomerLookup.ByDocument("12345678909"));
if (customers.Count == 0)
{
    Console.Error.WriteLine("No customer with that CPF.");
    return 1;
}

foreach (var customer in customers)
{
    // Personal data stays masked in output and logs (LGPD): Document.Mask(), PhoneNumber.Mask().
    Console.WriteLine($"IXC customer {customer.Id}: {customer.Name}");
    Console.WriteLine($"  document  {customer.Document?.Mask()}");
    Console.WriteLine($"  phones    {string.Join(", ", customer.Phones.Select(p => p.Mask()))}");
    Console.WriteLine($"  active    {customer.IsActive}");
}
return 0;
