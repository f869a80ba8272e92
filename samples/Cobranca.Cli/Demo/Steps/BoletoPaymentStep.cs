using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Boleto.Providers;
using Cobranca.Connectors.Testing.Boleto;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Workflows;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// Another customer, suspended for an overdue invoice, gets a hybrid boleto (boleto + Pix QR) registered at the
/// sandbox bank (Banco Inter's API) for each overdue invoice, with the legal late fees; paying it with the QR makes the
/// bank call the webhook, the handler re-queries the boleto at the bank, the ERP records the payment and
/// <see cref="PaymentToUnblock"/> restores access — the same path as the Pix step.
/// </summary>
public sealed class BoletoPaymentStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "8. Hybrid boleto at the bank -> paid by Pix QR -> webhook -> unblock";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.RecordPaymentInErp is not { } recordInErp)
        {
            context.Report["boleto"] = "skipped";
            if (!context.Json) AnsiConsole.MarkupLine("Nothing to pay on this backend.");
            return true;
        }

        var clock = (TimeProvider?)context.Clock ?? TimeProvider.System;
        var today = BrazilTime.Today(clock);

        // Someone not followed by the earlier steps who owes and still has access: suspend them first.
        DebtStatus? debt = null;
        Customer? customer = null;
        foreach (var candidate in context.Data.Customers.Where(c => c.Id != context.Customer?.Id && c.Id != context.SuspendedCustomerId))
        {
            if (!context.Data.Invoices.Any(i => i.CustomerId == candidate.Id && i.DueDate < today && i.OpenAmount > 0)) continue;
            var d = await session.Billing.GetDebtStatusAsync(candidate.Id, cancellationToken);
            if (d.HasOverdue && d.Contracts.Count > 0 && d.Contracts.All(c => c.Access.Status == AccessStatus.Active))
            {
                (debt, customer) = (d, candidate);
                break;
            }
        }

        if (debt is null || customer is null)
        {
            context.Report["boleto"] = "no customer to suspend";
            if (!context.Json) AnsiConsole.MarkupLine("Nobody else owes: nothing to pay by boleto.");
            return true;
        }

        foreach (var contract in debt.Contracts)
        {
            foreach (var controller in session.Controllers)
                await controller.BlockAsync(session.SubscriberOf(contract), BlockRequest.Overdue, cancellationToken);
        }

        await using var bank = await BoletoBankSandbox.StartAsync(new BoletoBankSandboxOptions { TimeProvider = clock }, cancellationToken);
        using var client = new BoletoBankClient(new BoletoBankClientOptions
        {
            Bank = BoletoBank.Inter, BaseAddress = bank.BaseAddressOf("inter"), ClientId = bank.ClientId, ClientSecret = bank.ClientSecret,
        }, timeProvider: clock);
        // The sandbox bank lives for this run only, so its references do too (a durable store would outlive the bank).
        var registrar = new BoletoRegistrar(client, new InMemoryStateStore(BoletoRegistrar.Collection, clock), timeProvider: clock);
        var workflow = new PaymentToUnblock(session.Billing, session.Controllers, new PaymentToUnblockOptions
        {
            TimeProvider = clock,
            Ledger = context.Store.GetUnblockLedger(DemoContext.Tenant),
        });
        var invoices = debt.Overdue.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var outcomes = new List<(UnblockOutcome Outcome, long At)>();
        var handler = new BoletoPaymentHandler(client, async (payment, ct) =>
        {
            // In production the ERP's bank integration records the "baixa"; here the demo does it on the sandbox.
            if (payment.InvoiceId is { } id && invoices.TryGetValue(id, out var invoice)) await recordInErp(invoice, ct);
            var outcome = await workflow.ProcessAsync(payment, ct);
            lock (outcomes) outcomes.Add((outcome, Stopwatch.GetTimestamp()));
        }, registrar, timeProvider: clock);
        await using var endpoint = await PixWebhookReceiver.StartAsync(
            async (body, ct) => (await handler.HandleWebhookAsync(body, ct)).SuggestedStatusCode, cancellationToken);
        bank.SetWebhook("inter", new Uri(endpoint.Url + "/pix"));

        var fees = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m });
        var rows = new List<(string Invoice, decimal Owed, BoletoRecord Boleto, UnblockOutcome Outcome, TimeSpan Elapsed)>();
        foreach (var invoice in debt.Overdue)
        {
            var due = fees.Calculate(invoice.OpenAmount, invoice.DueDate, today);
            var registration = await registrar.RegisterAsync(invoice.Id, new BoletoRequest
            {
                Amount = due.Total,
                DueDate = today.AddDays(1),
                Payer = new BoletoPayer
                {
                    Name = customer.Name, Document = customer.Document ?? Document.Parse("52998224725"), Street = "Rua do Cliente", Number = "1",
                    District = "Centro", City = "São Paulo", State = "SP", ZipCode = "01001000",
                },
                LateFees = fees.Policy,
                Messages = [$"Fatura {invoice.Id} com multa e juros até hoje"],
            }, customer.Id, cancellationToken);
            var boleto = await client.GetAsync(registration.Boleto.ProviderId, cancellationToken); // Inter registers asynchronously
            if (boleto.PixCopiaECola is null || boleto.LinhaDigitavel is null) return DemoFormat.Fail($"the bank returned no Pix QR or linha for invoice {invoice.Id}.");

            var before = outcomes.Count;
            var paidAt = Stopwatch.GetTimestamp();
            var status = await bank.PayAsync("inter", boleto.ProviderId, viaPix: true, cancellationToken: cancellationToken);
            if (status != 200 || outcomes.Count == before) return DemoFormat.Fail($"the bank's webhook for invoice {invoice.Id} was not processed (HTTP {status}).");
            var (outcome, at) = outcomes[^1];
            rows.Add((invoice.Id, invoice.OpenAmount, boleto, outcome, Stopwatch.GetElapsedTime(paidAt, at)));
        }

        var states = new List<(string Controller, string Contract, AccessStatus Status)>();
        foreach (var contract in (await session.Billing.GetDebtStatusAsync(customer.Id, cancellationToken)).Contracts)
        {
            foreach (var controller in session.Controllers)
            {
                var state = await controller.GetAccessStateAsync(session.SubscriberOf(contract), cancellationToken);
                states.Add((controller.Info.Name, contract.Id, state.Status));
            }
        }

        var last = rows[^1];
        context.Report["boleto"] = new
        {
            customerId = customer.Id,
            bank = client.ProviderName,
            boletos = rows.Select(r => new
            {
                invoiceId = r.Invoice, owed = r.Owed, charged = r.Boleto.Amount, reference = r.Boleto.Reference, linhaDigitavel = r.Boleto.LinhaDigitavel,
                hybrid = r.Boleto.PixCopiaECola is not null, status = r.Outcome.Status.ToString(), reason = r.Outcome.Reason.ToString(),
                elapsedMs = r.Elapsed.TotalMilliseconds,
            }),
            access = states.Select(s => new { controller = s.Controller, contractId = s.Contract, status = s.Status.Value }),
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Invoice").AddColumn("Owed").AddColumn("Boleto (multa + juros)").AddColumn("Linha digitável").AddColumn("Unblock").AddColumn("Pix paid -> outcome");
            foreach (var r in rows)
            {
                var linha = BoletoCode.TryParse(r.Boleto.LinhaDigitavel, today, out var code) ? code.FormattedDigitableLine : r.Boleto.LinhaDigitavel;
                table.AddRow(Markup.Escape(r.Invoice), Markup.Escape(Money.Format(r.Owed)), Markup.Escape(Money.Format(r.Boleto.Amount)),
                    Markup.Escape(linha ?? "-"), Markup.Escape(r.Outcome.Status.ToString()), Markup.Escape($"{r.Elapsed.TotalMilliseconds:0} ms"));
            }

            table.Caption($"Customer {customer.Id}: one hybrid boleto per overdue invoice at the sandbox bank ({client.ProviderName}), paid with its Pix QR");
            AnsiConsole.Write(table);
            var access = new Table().Border(TableBorder.Rounded).AddColumn("Controller").AddColumn("Contract").AddColumn("State now");
            foreach (var (controller, contract, status) in states) access.AddRow(Markup.Escape(controller), Markup.Escape(contract), DemoFormat.StatusMarkup(status));
            AnsiConsole.Write(access);
            AnsiConsole.WriteLine();
        }

        if (rows.Take(rows.Count - 1).Any(r => r.Outcome.Status == UnblockStatus.Restored))
            return DemoFormat.Fail("access was restored while another invoice was still overdue.");
        if (last.Outcome.Status != UnblockStatus.Restored) return DemoFormat.Fail($"the last boleto payment did not restore access: {last.Outcome.Message}");
        return states.All(s => s.Status.HasFullAccess) || DemoFormat.Fail("a controller still reports the boleto customer without access.");
    }
}
