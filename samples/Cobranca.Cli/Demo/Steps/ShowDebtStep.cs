using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>Shows what the customer owes: overdue and upcoming invoices, totals, days overdue and the contracts' access.</summary>
public sealed class ShowDebtStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "2. Debt";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var customer = context.Customer ?? throw new InvalidOperationException("The find step must run first.");
        var debt = await context.Session.Billing.GetDebtStatusAsync(customer.Id, cancellationToken);
        context.Debt = debt;

        context.Report["debt"] = new
        {
            asOf = debt.AsOf,
            overdue = debt.Overdue.Select(i => new { id = i.Id, dueDate = i.DueDate, daysOverdue = i.DaysOverdueOn(debt.AsOf), openAmount = i.OpenAmount, contractId = i.ContractId, description = i.Description }),
            upcoming = debt.Upcoming.Select(i => new { id = i.Id, dueDate = i.DueDate, openAmount = i.OpenAmount, contractId = i.ContractId, description = i.Description }),
            totalOverdue = debt.TotalOverdue,
            totalUpcoming = debt.TotalUpcoming,
            maxDaysOverdue = debt.MaxDaysOverdue,
            contracts = debt.Contracts.Select(c => new { id = c.Id, plan = c.PlanName, login = c.Login, access = c.Access.Status.Value }),
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Invoice").AddColumn("Description").AddColumn("Due").AddColumn("Situation")
                .AddColumn(new TableColumn("Days overdue").RightAligned()).AddColumn(new TableColumn("Open amount").RightAligned());
            foreach (var invoice in debt.Overdue)
            {
                table.AddRow(Markup.Escape(invoice.Id), Markup.Escape(invoice.Description ?? "-"), DemoFormat.Date(invoice.DueDate), "[red]overdue[/]",
                    invoice.DaysOverdueOn(debt.AsOf).ToString(CultureInfo.InvariantCulture), Markup.Escape(Money.Format(invoice.OpenAmount)));
            }
            foreach (var invoice in debt.Upcoming)
            {
                table.AddRow(Markup.Escape(invoice.Id), Markup.Escape(invoice.Description ?? "-"), DemoFormat.Date(invoice.DueDate), "upcoming", "-",
                    Markup.Escape(Money.Format(invoice.OpenAmount)));
            }
            table.AddEmptyRow();
            table.AddRow("[bold]Total overdue[/]", string.Empty, string.Empty, string.Empty,
                $"[bold]max {debt.MaxDaysOverdue.ToString(CultureInfo.InvariantCulture)}[/]", $"[bold red]{Markup.Escape(Money.Format(debt.TotalOverdue))}[/]");
            table.AddRow("[bold]Total upcoming[/]", string.Empty, string.Empty, string.Empty, string.Empty,
                $"[bold]{Markup.Escape(Money.Format(debt.TotalUpcoming))}[/]");
            table.Caption($"As of {DemoFormat.Date(debt.AsOf)} (America/Sao_Paulo)");
            AnsiConsole.Write(table);

            var contracts = new Table().Border(TableBorder.Rounded).AddColumn("Contract").AddColumn("Plan").AddColumn("PPPoE login").AddColumn("Access");
            foreach (var contract in debt.Contracts)
            {
                contracts.AddRow(Markup.Escape(contract.Id), Markup.Escape(contract.PlanName ?? "-"), Markup.Escape(contract.Login ?? "-"),
                    DemoFormat.StatusMarkup(contract.Access.Status));
            }
            AnsiConsole.Write(contracts);
            AnsiConsole.WriteLine();
        }

        return debt.Contracts.Count > 0 || DemoFormat.Fail($"customer {customer.Id} has no contract to block.");
    }
}
