using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// A suspended customer (not the one the payment step follows) asks the bot for a trust unlock: granted once; a second
/// request is not granted again (already active, or refused until the debt is paid).
/// </summary>
public sealed class TrustUnlockStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "6. Trust unlock (desbloqueio de confiança)";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var billing = context.Session.Billing;
        if (!billing.Info.Supports(BillingCapabilities.TrustUnlock))
        {
            context.Report["trustUnlock"] = "not supported";
            if (!context.Json) AnsiConsole.MarkupLine($"{Markup.Escape(billing.Info.Name)} offers no trust unlock.");
            return true;
        }

        // Someone else who owes and is suspended now.
        Contract? contract = null;
        foreach (var candidate in context.Data.Customers.Where(c => c.Id != context.SuspendedCustomerId && c.Id != context.Customer?.Id))
        {
            var debt = await billing.GetDebtStatusAsync(candidate.Id, cancellationToken);
            contract = debt.HasOverdue ? debt.Contracts.FirstOrDefault(c => c.Access.Status == AccessStatus.Blocked) : null;
            if (contract is not null) break;
        }
        if (contract is null)
        {
            context.Report["trustUnlock"] = "no suspended customer";
            if (!context.Json) AnsiConsole.MarkupLine("Nobody else is suspended: nothing to unlock.");
            return true;
        }

        var first = await billing.RequestTrustUnlockAsync(contract.Id, cancellationToken);
        var second = await billing.RequestTrustUnlockAsync(contract.Id, cancellationToken);
        context.Report["trustUnlock"] = new
        {
            contractId = contract.Id,
            first = new { outcome = first.Outcome.ToString(), until = first.Until, code = first.ProviderCode },
            second = new { outcome = second.Outcome.ToString(), reason = second.Reason, code = second.ProviderCode },
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Request").AddColumn("Outcome").AddColumn("Until / reason").AddColumn("Code");
            table.AddRow("first", Markup.Escape(first.Outcome.ToString()), first.Until is { } u ? DemoFormat.Date(DateOnly.FromDateTime(u.DateTime)) : "-",
                Markup.Escape(first.ProviderCode ?? "-"));
            table.AddRow("second", Markup.Escape(second.Outcome.ToString()), Markup.Escape(second.Reason ?? "-"), Markup.Escape(second.ProviderCode ?? "-"));
            table.Caption($"Contract {contract.Id} (was {contract.Access.Status})");
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine();
        }

        if (first.Outcome != TrustUnlockOutcome.Granted) return DemoFormat.Fail($"a suspended customer's trust unlock was {first.Outcome}.");
        // The contract is released now, so the backend answers "already active" (IXC code 107) or refuses outright.
        return second.Outcome != TrustUnlockOutcome.Granted || DemoFormat.Fail("a second trust unlock before paying was granted again.");
    }
}
