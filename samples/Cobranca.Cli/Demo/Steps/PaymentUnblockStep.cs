using System.Collections.Concurrent;
using System.Diagnostics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Workflows;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// The suspended customer pays each overdue invoice by Pix (with the legal late fees): the sandbox PSP calls the
/// webhook, the handler re-queries the PSP, the ERP records the payment, and <see cref="PaymentToUnblock"/> restores
/// access once nothing is overdue — ERP first, then the router. Prints the elapsed time of the unblock path.
/// </summary>
public sealed class PaymentUnblockStep : IDemoStep
{
    private const string TxidPrefix = "demo";

    /// <inheritdoc />
    public string Title => "7. Pix payment -> webhook -> unblock";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.RecordPaymentInErp is not { } recordInErp || context.SuspendedCustomerId is not { } customerId)
        {
            context.Report["payment"] = "skipped";
            if (!context.Json) AnsiConsole.MarkupLine("Nothing to pay on this backend.");
            return true;
        }

        var clock = (TimeProvider?)context.Clock ?? TimeProvider.System;
        var debt = await session.Billing.GetDebtStatusAsync(customerId, cancellationToken);
        if (!debt.HasOverdue) return DemoFormat.Fail($"suspended customer {customerId} owes nothing.");

        await using var psp = await PixPspSandbox.StartAsync(cancellationToken: cancellationToken);
        using var pix = new PixClient(new PixClientOptions
        {
            BaseAddress = psp.BaseUrl, TokenUrl = psp.TokenUrl, ClientId = psp.ClientId, ClientSecret = psp.ClientSecret,
        });

        // Which invoice and customer each txid settles (the host keeps this when it issues charges).
        var targets = new ConcurrentDictionary<string, PaymentTarget>(StringComparer.Ordinal);
        var workflow = new PaymentToUnblock(session.Billing, session.Controllers, new PaymentToUnblockOptions
        {
            TimeProvider = clock,
            TargetResolver = new TxidResolver(targets),
            Ledger = context.Store.GetUnblockLedger(DemoContext.Tenant),
        });
        var outcomes = new ConcurrentQueue<(UnblockOutcome Outcome, long At)>();
        var paymentOptions = new PixPaymentOptions { TxidPrefix = TxidPrefix };
        paymentOptions.AllowedKeys.Add(psp.Key);
        var invoices = debt.Overdue.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var handler = new PixWebhookHandler(pix, async (payment, ct) =>
        {
            // In production the ERP's bank integration records the "baixa"; here the demo does it on the sandbox.
            if (payment.InvoiceId is { } id && invoices.TryGetValue(id, out var invoice)) await recordInErp(invoice, ct);
            outcomes.Enqueue((await workflow.ProcessAsync(payment, ct), Stopwatch.GetTimestamp()));
        }, paymentOptions);
        await using var endpoint = await PixWebhookReceiver.StartAsync(
            async (body, ct) => (await handler.HandleCallbackAsync(body, ct)).SuggestedStatusCode, cancellationToken);
        await pix.ConfigureWebhookAsync(psp.Key, endpoint.Url, cancellationToken);

        var fees = new LateFeeCalculator(new LateFeePolicy { FinePercent = 2m, InterestPercent = 1m });
        var today = BrazilTime.Today(clock);
        var rows = new List<(string Invoice, decimal Original, decimal Paid, UnblockOutcome Outcome, TimeSpan PayToOutcome)>();
        foreach (var invoice in debt.Overdue)
        {
            var due = fees.Calculate(invoice.OpenAmount, invoice.DueDate, today);
            var txid = PixTxid.ForInvoice(TxidPrefix, invoice.Id);
            targets[txid] = new PaymentTarget(invoice.Id, customerId);
            var charge = await pix.CreateChargeAsync(txid, new PixImmediateChargeRequest
            {
                Key = psp.Key,
                Amount = due.Total,
                Expiration = TimeSpan.FromHours(24),
                PayerMessage = $"Fatura {invoice.Id}",
            }, cancellationToken);

            var before = outcomes.Count;
            var paidAt = Stopwatch.GetTimestamp();
            await psp.PayAsync(charge.Txid, cancellationToken: cancellationToken);
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
            while (outcomes.Count == before && Stopwatch.GetTimestamp() < deadline) await Task.Delay(10, cancellationToken);
            if (outcomes.Count == before) return DemoFormat.Fail($"no webhook outcome for invoice {invoice.Id} within 30 s.");
            var (outcome, at) = outcomes.Last();
            rows.Add((invoice.Id, invoice.OpenAmount, charge.Amount, outcome, Stopwatch.GetElapsedTime(paidAt, at)));
        }

        var contracts = (await session.Billing.GetDebtStatusAsync(customerId, cancellationToken)).Contracts;
        var states = new List<(string Controller, string Contract, AccessStatus Status)>();
        foreach (var contract in contracts)
        {
            foreach (var controller in session.Controllers)
            {
                var state = await controller.GetAccessStateAsync(session.SubscriberOf(contract), cancellationToken);
                states.Add((controller.Info.Name, contract.Id, state.Status));
            }
        }

        var last = rows[^1];
        context.Report["payment"] = new
        {
            customerId,
            payments = rows.Select(r => new
            {
                invoiceId = r.Invoice, original = r.Original, paid = r.Paid, status = r.Outcome.Status.ToString(),
                reason = r.Outcome.Reason.ToString(), message = r.Outcome.Message, elapsedMs = r.PayToOutcome.TotalMilliseconds,
            }),
            access = states.Select(s => new { controller = s.Controller, contractId = s.Contract, status = s.Status.Value }),
            restoreDeadline = last.Outcome.RestoreDeadline,
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Invoice").AddColumn("Owed").AddColumn("Paid (multa 2% + juros 1% a.m.)").AddColumn("Unblock").AddColumn("Why").AddColumn("Pix paid -> outcome");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Invoice), Markup.Escape(Money.Format(r.Original)), Markup.Escape(Money.Format(r.Paid)),
                    Markup.Escape(r.Outcome.Status.ToString()), Markup.Escape(r.Outcome.Message),
                    Markup.Escape($"{r.PayToOutcome.TotalMilliseconds:0} ms"));
            }
            table.Caption($"Customer {customerId}: one Pix charge per overdue invoice, paid at the sandbox PSP");
            AnsiConsole.Write(table);

            var access = new Table().Border(TableBorder.Rounded).AddColumn("Controller").AddColumn("Contract").AddColumn("State now");
            foreach (var (controller, contract, status) in states) access.AddRow(Markup.Escape(controller), Markup.Escape(contract), DemoFormat.StatusMarkup(status));
            AnsiConsole.Write(access);
            AnsiConsole.MarkupLine($"Unblock path (webhook -> re-query -> ERP -> router) took [bold]{last.PayToOutcome.TotalMilliseconds:0} ms[/]; " +
                $"Anatel's deadline was {last.Outcome.RestoreDeadline:dd/MM/yyyy HH:mm} (payment + 24 h).");
            AnsiConsole.WriteLine();
        }

        if (rows.Take(rows.Count - 1).Any(r => r.Outcome.Status == UnblockStatus.Restored))
            return DemoFormat.Fail("access was restored while another invoice was still overdue.");
        if (last.Outcome.Status != UnblockStatus.Restored) return DemoFormat.Fail($"the last payment did not restore access: {last.Outcome.Message}");
        return states.All(s => s.Status.HasFullAccess) || DemoFormat.Fail("a controller still reports the customer without access.");
    }

    private sealed class TxidResolver(ConcurrentDictionary<string, PaymentTarget> targets) : IPaymentTargetResolver
    {
        public Task<PaymentTarget?> ResolveAsync(PaymentReceived payment, CancellationToken cancellationToken = default) =>
            Task.FromResult(payment.Reference is { } txid && targets.TryGetValue(txid, out var target) ? target : null);
    }
}
