// Sample 03: a Pix payment restores the customer's internet, end to end.
//
//   bank app pays ──► PSP ──webhook──► this ASP.NET Core app ──► PixWebhookHandler (re-query the PSP, dedupe)
//                                                              ──► PaymentToUnblock (re-read the debt in the ERP)
//                                                              ──► unblock in IXC, then on the MikroTik router
//
// Everything runs on local simulators (IXC sandbox, BACEN-standard Pix PSP sandbox, RouterOS API emulator), so the
// program needs no arguments: it blocks an overdue customer, charges the invoice with Pix, pays it, and waits for the
// unblock. Anatel's RGC (art. 78) gives the provider 1 day after learning of the payment; this path takes milliseconds.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.RouterOs;
using Cobranca.Connectors.Workflows;

// ---- 0. The outside world, simulated: the ERP, the bank and the router.
await using var ixcSandbox = await IxcSandbox.StartAsync();
await using var psp = await PixPspSandbox.StartAsync();
await using var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = "router-secret" });
const string Login = "ana.ribeiro"; // Ana's PPPoE login in IXC (radusuarios); the router has her secret and a live session
router.PppSecrets.Add(new Dictionary<string, string> { ["name"] = Login, ["service"] = "pppoe", ["profile"] = "default" });
router.PppActive.Add(new Dictionary<string, string> { ["name"] = Login, ["service"] = "pppoe", ["address"] = "100.64.12.36" });

// ---- 1. The connectors: the ERP, the router (PPP secret disable + session kick) and the PSP account.
using var ixc = new IxcClient(new IxcClientOptions { BaseAddress = ixcSandbox.BaseUrl, UserId = ixcSandbox.UserId, Token = ixcSandbox.Token });
await using var mikrotik = new MikroTikAccessController(new MikroTikAccessControllerOptions
{
    Host = router.Host, Port = router.Port, User = "admin", Password = "router-secret",
    Strategy = MikroTikAccessStrategy.PppSecretDisable,
});
using var pix = new PixClient(new PixClientOptions { BaseAddress = psp.BaseUrl, TokenUrl = psp.TokenUrl, ClientId = psp.ClientId, ClientSecret = psp.ClientSecret });
IBillingSystem billing = ixc.AsBillingSystem();
IAccessController[] controllers = [ixc.AsAccessController(), mikrotik]; // ERP first, then the router

// ---- 2. An overdue customer, blocked everywhere.
var customer = (await billing.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.AnaCpf))).Single();
var debt = await billing.GetDebtStatusAsync(customer.Id);
var invoice = debt.Overdue.Single();
var subscriber = debt.Contracts.Single().ToSubscriber();
Console.WriteLine($"Customer {customer.Id} owes invoice {invoice.Id}: {Money.Format(invoice.OpenAmount)}, {invoice.DaysOverdueOn(debt.AsOf)} days late.");
foreach (var controller in controllers)
{
    var blocked = await controller.BlockAsync(subscriber, BlockRequest.Overdue);
    Console.WriteLine($"  block on {controller.Info.Name,-8} {blocked.Outcome,-14} -> {blocked.State.Status}");
}

// ---- 3. A Pix charge with due date (cobv) for the invoice. The txid is derived from the invoice id, so re-running this
//         step never creates a second charge. Remember txid -> invoice + customer (a table in your database).
var txid = PixTxid.ForInvoice("ISP1", invoice.Id);
var charge = await pix.CreateDueChargeAsync(txid, new PixDueChargeRequest
{
    Key = psp.Key,
    Amount = invoice.OpenAmount,
    DueDate = invoice.DueDate,
    Debtor = new PixDebtor { Document = customer.Document!.Value, Name = customer.Name },
    Fine = PixFine.Percentage(2m),              // paid late: the PSP adds 2 % ...
    Interest = PixInterest.PercentPerMonth(1m), // ... and 1 % a month
});
var targets = new TxidTable();
targets.Add(txid, new PaymentTarget(invoice.Id, customer.Id));
Console.WriteLine($"Pix cobv {charge.Txid} {charge.Status}, copia-e-cola {charge.CopyPaste?.Length ?? 0} chars (show it as text and as a QR code).");

// ---- 4. The workflow and the webhook handler.
var unblock = new PaymentToUnblock(billing, controllers, new PaymentToUnblockOptions { TargetResolver = targets });
var restored = new TaskCompletionSource<UnblockOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
var paymentOptions = new PixPaymentOptions();
paymentOptions.AllowedKeys.Add(psp.Key); // payments to any other key are rejected
var paymentsRaised = 0;
var webhook = new PixWebhookHandler(pix, async (payment, cancellationToken) =>
{
    paymentsRaised++;
    // Raised once per payment, after the PSP confirmed it. The ERP must know the invoice is paid before the debt is
    // re-read: IXC registers the "baixa" itself for charges of its own Pix gateway; here the sandbox stands in for it.
    ixcSandbox.PayInvoice(invoice.Id);
    try
    {
        restored.TrySetResult(await unblock.ProcessAsync(payment, cancellationToken));
    }
    catch (Exception ex)
    {
        restored.TrySetException(ex);
        throw; // the handler answers 503 and the PSP redelivers
    }
}, paymentOptions);

// ---- 5. The web app: one POST route on 127.0.0.1, a free port. The PSP appends "/pix" to the registered URL.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
await using var app = builder.Build();
app.MapPost("/webhooks/pix/pix", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    using var reader = new StreamReader(request.Body);
    var result = await webhook.HandleCallbackAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
    return Results.StatusCode(result.SuggestedStatusCode);
});
await app.StartAsync();
var webhookUrl = new Uri(app.Urls.First() + "/webhooks/pix");
await pix.ConfigureWebhookAsync(psp.Key, webhookUrl);
Console.WriteLine($"Webhook registered at the PSP: {webhookUrl}");

// ---- 6. The customer pays. The PSP settles the Pix and POSTs the webhook; we wait (bounded) for the unblock.
var clock = Stopwatch.StartNew();
var paid = await psp.PayAsync(txid);
var outcome = await restored.Task.WaitAsync(TimeSpan.FromSeconds(10));
clock.Stop();
Console.WriteLine($"Paid {Money.Format(paid.Amount)} (with fine and interest), e2e {paid.EndToEndId}; webhook answered {paid.WebhookStatusCode}.");
Console.WriteLine($"Outcome: {outcome.Status} ({outcome.Reason}) {outcome.Message}");
foreach (var step in outcome.Steps)
    Console.WriteLine($"  {step.Kind,-8} {(step.Succeeded ? "ok    " : "FAILED")} {step.Controller} {step.ContractId} {step.Change?.Outcome} {step.Detail}");
Console.WriteLine($"Payment -> unblocked in {clock.Elapsed.TotalMilliseconds:0} ms (workflow {outcome.Elapsed.TotalMilliseconds:0} ms; RGC deadline {outcome.RestoreDeadline:yyyy-MM-dd HH:mm} UTC).");

// ---- 7. PSPs redeliver webhooks: the second delivery is recognised and nothing runs twice.
var redelivered = await psp.RedeliverWebhookAsync(paid.EndToEndId);
Console.WriteLine($"Redelivered webhook answered {redelivered}; payments raised in total: {paymentsRaised} (the duplicate was dropped).");

// ---- 8. Check the end state where it matters: the ERP and the router.
var ok = outcome.Status == UnblockStatus.Restored && paymentsRaised == 1;
foreach (var controller in controllers)
{
    var state = await controller.GetAccessStateAsync(subscriber);
    Console.WriteLine($"  now on {controller.Info.Name,-8} {state.Status}");
    ok &= state.Status == AccessStatus.Active;
}
await app.StopAsync();
return ok ? 0 : 1;

/// <summary>txid -> invoice and customer, recorded when the charge is created (a database table in production).</summary>
sealed class TxidTable : IPaymentTargetResolver
{
    private readonly ConcurrentDictionary<string, PaymentTarget> _targets = new(StringComparer.Ordinal);

    public void Add(string txid, PaymentTarget target) => _targets[txid] = target;

    public Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default) =>
        Task.FromResult(payment.Reference is { } txid && _targets.TryGetValue(txid, out var target) ? target : null);
}
