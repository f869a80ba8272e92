using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix;
using Cobranca.Connectors.Testing.Pix;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// Pix Automático over the PSP sandbox: two customers enrol by the journey-2 QR code (what the bot sends), authorise it
/// in their bank app, and next month's invoice is charged automatically inside the scheduling window. One payer has the
/// money and is debited on the due date; the other has none, is retried on the spec's schedule and then handed to the
/// régua — never charged twice. A third customer never enrolled gets the invoice as a cobv in the month's lotecobv
/// batch. The step walks the month on its own clock (the earlier steps' clock is left alone).
/// </summary>
public sealed class PixAutomaticoStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "9. Pix Automático: enrol by QR -> debited next month -> a failed debit to the régua; the rest by lotecobv";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var people = context.Data.Customers.Where(c => c.Document is { Kind: DocumentKind.Cpf }).Take(3).ToList();
        if (people.Count < 3)
        {
            context.Report["pixAutomatico"] = "skipped";
            if (!context.Json) AnsiConsole.MarkupLine("Fewer than three customers with a CPF: nothing to enrol.");
            return true;
        }

        var start = ((TimeProvider?)context.Clock ?? TimeProvider.System).GetUtcNow();
        var clock = new DemoClock(start);
        var today = BrazilTime.Today(clock);
        var due = new DateOnly(today.Year, today.Month, 15).AddMonths(1);
        var (payer, broke, unenrolled) = (people[0], people[1], people[2]);

        var sandboxOptions = new PixPspSandboxOptions { TimeProvider = clock };
        sandboxOptions.InsufficientFundsPayers.Add(broke.Document!.Value.Value);
        await using var psp = await PixPspSandbox.StartAsync(sandboxOptions, cancellationToken);
        var pixOptions = new PixClientOptions { BaseAddress = psp.BaseUrl, TokenUrl = psp.TokenUrl, ClientId = psp.ClientId, ClientSecret = psp.ClientSecret };
        using var pix = new PixClient(pixOptions, timeProvider: clock);
        var handedOver = new List<RecurringInvoiceResult>();
        var doubles = new List<RecurringInvoiceResult>();
        // The sandbox PSP lives for this run only, so the enrolments do too (a durable store would outlive the PSP).
        var billing = new RecurringBilling(pix, pix, pix,
            new InMemoryStateStore(RecurringBilling.RecurrenceCollection, clock), new InMemoryStateStore(RecurringBilling.RecurringChargeCollection, clock),
            new RecurringBillingOptions
            {
                PixKey = psp.Key, ReceiverAccount = "012682", TimeProvider = clock,
                OnHandedToDunning = (r, _) => { handedOver.Add(r); return Task.CompletedTask; },
                OnDoublePayment = (r, _) => { doubles.Add(r); return Task.CompletedTask; },
            });

        // Enrolment: the bot sends the QR (copia-e-cola); each customer approves it in the bank app.
        var qrLengths = new List<int>();
        foreach (var customer in people.Take(2))
        {
            var enrolment = await billing.EnrolAsync(new RecurringEnrolment
            {
                CustomerId = customer.Id, Contract = "CT" + customer.Id, Document = customer.Document!.Value, Name = customer.Name,
                FirstDueDate = due, MinimumAmount = 50m,
            }, cancellationToken);
            if (enrolment.QrCode is not { } qr || BrCode.Parse(qr).RecurrenceJourney != PixJourney.Journey2)
                return DemoFormat.Fail($"the enrolment of {customer.Id} returned no journey-2 QR code.");
            qrLengths.Add(qr.Length);
            await psp.ApproveRecurrenceAsync(enrolment.RecurrenceId!, cancellationToken: cancellationToken);
            if (await billing.RefreshEnrolmentAsync(customer.Id, cancellationToken) is not { IsActive: true })
                return DemoFormat.Fail($"the authorisation of {customer.Id} was not seen.");
        }

        var invoices = people.Select(c => new RecurringInvoice
        {
            InvoiceId = $"{c.Id}M{due:yyyyMM}", CustomerId = c.Id, DueDate = due, Amount = 99.90m, Document = c.Document!.Value, Name = c.Name,
        }).ToList();

        // The month, one daily pass at 09:00 in São Paulo from D-12 to D+8.
        var timeline = new List<(DateOnly Day, string Payer, string Broke, string NotEnrolled)>();
        RecurringInvoiceResult? batched = null;
        for (var day = due.AddDays(-12); day <= due.AddDays(8); day = day.AddDays(1))
        {
            clock.Set(BrazilTime.FromLocal(day.ToDateTime(new TimeOnly(9, 0))));
            await psp.RunRecurrenceSchedulerAsync(cancellationToken);
            var report = await billing.RunAsync(invoices, cancellationToken);
            var (a, b, n) = (report.Invoices[0].Outcome.ToString(), report.Invoices[1].Outcome.ToString(), report.Invoices[2].Outcome.ToString());
            if (timeline.Count == 0 || timeline[^1].Payer != a || timeline[^1].Broke != b || timeline[^1].NotEnrolled != n) timeline.Add((day, a, b, n));
            batched = report.Invoices[2];
        }

        var batchPuts = psp.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal) && r.StatusCode < 300);
        var cobrCreated = psp.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/cobr/", StringComparison.Ordinal) && r.StatusCode < 300)
            .Select(r => r.Path).Distinct(StringComparer.Ordinal).Count();
        context.Report["pixAutomatico"] = new
        {
            dueDate = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            enrolled = people.Take(2).Select(c => c.Id),
            notEnrolled = new { customer = unenrolled.Id, outcome = batched?.Outcome.ToString(), batchId = batched?.BatchId, dueChargeCreated = batched?.FallbackTxid is not null },
            timeline = timeline.Select(t => new
            {
                day = t.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), payer = t.Payer, noFunds = t.Broke, notEnrolled = t.NotEnrolled,
            }),
            lotecobvSent = batchPuts,
            handedToDunning = handedOver.Select(r => r.InvoiceId),
            recurringChargesCreated = cobrCreated,
            doublePayments = doubles.Count,
        };

        if (!context.Json)
        {
            AnsiConsole.MarkupLine($"Enrolled {Markup.Escape(payer.Id)} and {Markup.Escape(broke.Id)} by QR ({string.Join(", ", qrLengths)} characters each); both authorised.");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Day").AddColumn($"{Markup.Escape(payer.Id)} (has funds)").AddColumn($"{Markup.Escape(broke.Id)} (no funds)")
                .AddColumn($"{Markup.Escape(unenrolled.Id)} (not enrolled)");
            foreach (var (day, a, b, n) in timeline)
                table.AddRow(Markup.Escape($"{day:yyyy-MM-dd} (D{(day.DayNumber - due.DayNumber):+0;-0;+0})"), Markup.Escape(a), Markup.Escape(b), Markup.Escape(n));
            table.Caption("Outcome of each daily pass, printed when it changes");
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine();
        }

        if (timeline[^1].Payer != nameof(RecurringInvoiceOutcome.Paid)) return DemoFormat.Fail($"the enrolled payer's invoice ended {timeline[^1].Payer}, not Paid.");
        if (handedOver.Count != 1 || handedOver[0].CustomerId != broke.Id)
            return DemoFormat.Fail($"expected exactly the no-funds customer handed to the régua, got {handedOver.Count}.");
        if (cobrCreated != 2) return DemoFormat.Fail($"expected one recurring charge per enrolled customer's invoice, the PSP created {cobrCreated}.");
        if (doubles.Count != 0) return DemoFormat.Fail("an invoice was paid twice.");
        if (batched is not { Outcome: RecurringInvoiceOutcome.DueChargeIssued, FallbackTxid: not null } || batchPuts != 1)
            return DemoFormat.Fail($"the customer not enrolled should have one cobv from one lotecobv batch; got {batched?.Outcome} after {batchPuts} batch sends.");
        return true;
    }
}
