using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli.Demo.Steps;

/// <summary>
/// Blocks the customer's first contract through the backend's access controller (the ERP itself, or a router), shows
/// that a repeat is a no-op, reads the state, unblocks and reads again.
/// </summary>
public sealed class BlockUnblockStep : IDemoStep
{
    /// <inheritdoc />
    public string Title => "3. Block and unblock";

    /// <inheritdoc />
    public async Task<bool> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var debt = context.Debt ?? throw new InvalidOperationException("The debt step must run first.");
        var contract = debt.Contracts[0];
        // Routers need the network identity (login, IP, MAC) the ERP keeps with the connection.
        var subscriber = context.Session.SubscriberOf(contract);
        var access = context.Session.Access;
        var rows = new List<(string Action, string Outcome, AccessStatus Status)>();

        var before = await access.GetAccessStateAsync(subscriber, cancellationToken);
        rows.Add(("read state", "-", before.Status));
        var block = await access.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        rows.Add(("block (overdue)", block.Outcome.ToString(), block.State.Status));
        var again = await access.BlockAsync(subscriber, BlockRequest.Overdue, cancellationToken);
        rows.Add(("block again", again.Outcome.ToString(), again.State.Status));
        var blocked = await access.GetAccessStateAsync(subscriber, cancellationToken);
        rows.Add(("read state", "-", blocked.Status));
        var unblock = await access.UnblockAsync(subscriber, cancellationToken);
        rows.Add(("unblock", unblock.Outcome.ToString(), unblock.State.Status));
        var after = await access.GetAccessStateAsync(subscriber, cancellationToken);
        rows.Add(("read state", "-", after.Status));

        context.Report["access"] = new
        {
            contractId = contract.Id,
            steps = rows.Select(r => new { action = r.Action, outcome = r.Outcome, status = r.Status.Value }),
        };

        if (!context.Json)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Action").AddColumn("Outcome").AddColumn("State after");
            foreach (var (action, outcome, status) in rows) table.AddRow(Markup.Escape(action), Markup.Escape(outcome), DemoFormat.StatusMarkup(status));
            table.Caption($"Contract {contract.Id} via {context.Session.Access.Info.Name}");
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine();
        }

        if (again.Outcome != AccessChangeOutcome.AlreadyInState) return DemoFormat.Fail("blocking twice was not reported as already in state.");
        if (blocked.Status != AccessStatus.Blocked) return DemoFormat.Fail($"after blocking, the state is {blocked.Status}.");
        if (after.Status != AccessStatus.Active) return DemoFormat.Fail($"after unblocking, the state is {after.Status}.");
        return true;
    }
}
