// Sample 02: "what does this customer owe?", the question every collection bot answers.
// Dependency-injection style (as in an ASP.NET Core or worker app): register an IXC tenant, resolve IBillingSystem,
// find the customer by phone and by CPF, print the debt and a second copy (linha digitável + Pix copia-e-cola).
using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.DependencyInjection;

// The embedded IXC sandbox stands in for your IXC instance (127.0.0.1, random port, fictitious data).
await using var sandbox = await IxcSandbox.StartAsync();

// 1. Register one IXC tenant under a name. Many ISPs in one process = one AddIxcClient per ISP, each with its own
//    HttpClient, circuit breaker and concurrency limit. Options can also come from configuration (Cobranca:Ixc:isp-a).
var services = new ServiceCollection();
services.AddIxcClient("isp-a", o =>
{
    o.BaseAddress = sandbox.BaseUrl;
    o.UserId = sandbox.UserId;
    o.Token = sandbox.Token; // from configuration / a secret store in a real app
});
await using var provider = services.BuildServiceProvider(validateScopes: true);

// 2. Resolve the common interface by tenant name. Nothing below is IXC-specific.
var billing = provider.GetRequiredKeyedService<IBillingSystem>("isp-a");

// 3. By phone: the number a customer writes to the bot with. A phone may belong to several customers (a family, a
//    company): every match comes back, and the bot asks which one.
var phone = PhoneNumber.Parse("(79) 99876-5432");
var byPhone = await billing.FindCustomersAsync(CustomerLookup.ByPhone(phone));
Console.WriteLine($"Phone {phone.Mask()}: {byPhone.Count} candidate(s): {string.Join(", ", byPhone.Select(c => $"{c.Id} {c.Name}"))}");

// 4. By CPF: the usual way to pick one of them.
var byCpf = await billing.FindCustomersAsync(CustomerLookup.ByDocument("123.456.789-09"));
if (byCpf.Count != 1)
{
    Console.Error.WriteLine($"Expected exactly one customer with that CPF, found {byCpf.Count}.");
    return 1;
}
var customer = byCpf[0];
Console.WriteLine($"CPF {customer.Document?.Mask()}: customer {customer.Id} {customer.Name}");

// 5. The debt, as of today in America/Sao_Paulo. Open is not overdue: invoices generated ahead are "upcoming".
var debt = await billing.GetDebtStatusAsync(customer.Id);
Console.WriteLine();
Console.WriteLine($"Debt on {debt.AsOf:dd/MM/yyyy}");
foreach (var invoice in debt.Overdue)
    Console.WriteLine($"  overdue   invoice {invoice.Id,-6} due {Date(invoice.DueDate)}  {Money.Format(invoice.OpenAmount),12}  ({invoice.DaysOverdueOn(debt.AsOf)} days late)");
foreach (var invoice in debt.Upcoming)
    Console.WriteLine($"  upcoming  invoice {invoice.Id,-6} due {Date(invoice.DueDate)}  {Money.Format(invoice.OpenAmount),12}");
Console.WriteLine($"  total overdue {Money.Format(debt.TotalOverdue)} (max {debt.MaxDaysOverdue} days), upcoming {Money.Format(debt.TotalUpcoming)}");
foreach (var contract in debt.Contracts)
    Console.WriteLine($"  contract {contract.Id} {contract.PlanName}: access {contract.Access.Status}");

if (!debt.HasOverdue) return 0;

// 6. Second copy of the oldest overdue invoice: what the bot sends back so the customer can pay right away.
var oldest = debt.Overdue.MinBy(i => i.DueDate)!;
var slip = await billing.GetPaymentSlipAsync(oldest.Id);
Console.WriteLine();
Console.WriteLine($"Second copy of invoice {slip.InvoiceId} ({Money.Format(slip.Amount ?? oldest.OpenAmount)})");
Console.WriteLine($"  linha digitável   {slip.DigitableLine ?? "(no boleto registered)"}");
Console.WriteLine($"  Pix copia-e-cola  {slip.PixCopyPaste ?? "(no Pix)"}");
Console.WriteLine($"  PDF               {(slip.Pdf is { } pdf ? $"{pdf.Length} bytes" : "(none)")}");
foreach (var warning in slip.Warnings) Console.WriteLine($"  note              {warning}"); // a part that could not be had, and why
return slip.DigitableLine is null && slip.PixCopyPaste is null ? 1 : 0;

static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
