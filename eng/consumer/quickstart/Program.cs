// The README quickstarts, as a user writes them, against the simulators from Cobranca.Connectors.Testing.
// Any exception or a wrong answer exits non-zero and fails CI.
using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.RouterOs;
using Cobranca.Connectors.Workflows;

// README.md / Cobranca.Connectors.Ixc: find a customer, read the debt.
await using var sandbox = await IxcSandbox.StartAsync();
using var ixc = new IxcClient(new IxcClientOptions
{
    BaseAddress = sandbox.BaseUrl,
    UserId = sandbox.UserId,
    Token = sandbox.Token,
});
IBillingSystem billing = ixc.AsBillingSystem();
var customer = (await billing.FindCustomersAsync(CustomerLookup.ByDocument("123.456.789-09")))[0];
var debt = await billing.GetDebtStatusAsync(customer.Id);
Console.WriteLine($"{customer.Name}: {Money.Format(debt.TotalOverdue)} overdue, oldest {debt.MaxDaysOverdue} days");
if (debt.Contracts.Count == 0) return Fail("IXC: the sandbox customer has no contract");

// Cobranca.Connectors.MikroTik: block and unblock on the RouterOS emulator (real wire protocol).
await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "consumer" });
await using var controller = new MikroTikAccessController(new MikroTikAccessControllerOptions
{
    Host = router.Host,
    Port = router.Port,
    User = router.Options.User,
    Password = "consumer",
    Strategy = MikroTikAccessStrategy.AddressList,
});
var subscriber = new Subscriber { ContractId = "1001", IpAddress = IPAddress.Parse("100.64.0.10") };
var blocked = await controller.BlockAsync(subscriber, BlockRequest.Overdue);
var again = await controller.BlockAsync(subscriber, BlockRequest.Overdue);
var unblocked = await controller.UnblockAsync(subscriber);
Console.WriteLine($"MikroTik: {blocked.Outcome}, {again.Outcome}, {unblocked.Outcome}");
if (again.Outcome != AccessChangeOutcome.AlreadyInState) return Fail("MikroTik: a second block was not idempotent");

// Cobranca.Connectors.Boleto: parse a linha digitável.
var code = BoletoCode.Parse("70790.00118 21193.443609 08458.010868 4 10420000064539", TimeProvider.System);
Console.WriteLine($"Boleto: bank {code.BankCode}, {code.Amount}, due {code.DueDate}");
if (code.Amount != 645.39m) return Fail("Boleto: wrong amount");

// Cobranca.Connectors.Pix: build and re-read a static BR Code.
var payload = BrCode.Build(new BrCodeStaticRequest
{
    PixKey = "financeiro@provedor.com.br",
    MerchantName = "Provedor Exemplo Ltda",
    MerchantCity = "São Paulo",
    Amount = 89.90m,
    TxId = "FAT202611ABC",
});
if (!BrCode.TryParse(payload, out var brCode, out var error)) return Fail($"Pix: {error?.Kind}");
Console.WriteLine($"Pix: {brCode!.Amount} {brCode.TxId}");

// Cobranca.Connectors.Workflows: a dunning schedule as data.
var schedule = new DunningSchedule
{
    Steps =
    [
        DunningStep.Notify("reminder", -3, "invoice-reminder"),
        DunningStep.SuspensionNotice("suspension-notice", 10, "suspension-notice"),
        DunningStep.ThrottleTo("courtesy-throttle", 25, Bandwidth.FromMegabits(2, 1)),
        DunningStep.Suspend("suspension", 30),
    ],
    QuietHours = new QuietHours(new TimeOnly(20, 0), new TimeOnly(8, 0)),
};
schedule.EnsureValid();
Console.WriteLine($"Workflows: {schedule.Steps.Count} steps valid");
Console.WriteLine("consumer quickstart: ok");
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"consumer quickstart: {message}");
    return 1;
}
