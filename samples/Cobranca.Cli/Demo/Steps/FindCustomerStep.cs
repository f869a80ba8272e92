using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>Finds the demo customer the ways a bot would: CPF with and without the mask, and the phone as typed.</summary>
public sealed class FindCustomerStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "1. Find the customer";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var target = DemoScenario.PickCustomer(context.Data);
        var document = target.Document ?? throw new InvalidOperationException("The demo customer has no document.");
        var lookups = new List<(string Kind, string Input, CustomerLookup Lookup)>
        {
            ("CPF/CNPJ with mask", document.Mask(), CustomerLookup.ByDocument(document.Formatted)),
            ("CPF/CNPJ digits only", document.Mask(), CustomerLookup.ByDocument(document.Value)),
        };
        if (context.Session.Billing.Info.Supports(BillingCapabilities.FindByPhone) // MK-Auth has no phone search
            && target.Raw.TryGetValue(IspDataKeys.MobilePhone, out var typed) && PhoneNumber.TryParse(typed, out var phone))
            lookups.Add(("phone as typed", phone.Mask(), CustomerLookup.ByPhone(phone)));

        var rows = new List<object>();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Lookup").AddColumn("Input (masked)").AddColumn(new TableColumn("Candidates").RightAligned()).AddColumn("Found");
        var ok = true;
        foreach (var (kind, input, lookup) in lookups)
        {
            var found = await context.Session.Billing.FindCustomersAsync(lookup, cancellationToken);
            var hit = found.Any(c => c.Id == target.Id);
            // A document is unique; a phone may be shared by a family, so several candidates are fine there.
            if (!hit || (lookup.Kind == CustomerLookupKind.Document && found.Count != 1))
                ok = DemoFormat.Fail($"lookup by {kind} returned {found.Count} candidate(s) without the expected customer alone.");
            table.AddRow(Markup.Escape(kind), Markup.Escape(input), found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                hit ? $"[green]customer {Markup.Escape(target.Id)}[/]" : "[red]not found[/]");
            rows.Add(new { lookup = kind, input, candidates = found.Count, found = hit });
        }

        var customer = (await context.Session.Billing.FindCustomersAsync(CustomerLookup.ById(target.Id), cancellationToken)).SingleOrDefault();
        if (customer is null) return DemoFormat.Fail($"customer {target.Id} not found by id.");
        context.Customer = customer;

        var city = customer.Raw.GetValueOrDefault(IspDataKeys.City);
        var summary = new
        {
            id = customer.Id,
            name = customer.Name,
            document = customer.Document?.Mask(),
            phones = customer.Phones.Select(p => p.Mask()).ToArray(),
            email = customer.Email is null ? null : SensitiveData.MaskPixKey(customer.Email),
            city,
        };
        context.Report["customer"] = summary;
        context.Report["lookups"] = rows;

        if (!context.Json)
        {
            AnsiConsole.Write(table);
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("[bold]Customer[/]", $"{Markup.Escape(customer.Id)} - {Markup.Escape(customer.Name)}");
            grid.AddRow("[bold]Document[/]", Markup.Escape(summary.document ?? "-"));
            grid.AddRow("[bold]Phones[/]", Markup.Escape(string.Join(", ", summary.phones)));
            grid.AddRow("[bold]E-mail[/]", Markup.Escape(summary.email ?? "-"));
            grid.AddRow("[bold]City[/]", Markup.Escape(city ?? "-"));
            AnsiConsole.Write(grid);
            AnsiConsole.WriteLine();
        }
        return ok;
    }
}
