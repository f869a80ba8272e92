namespace Cobranca.Connectors.Workflows;

/// <summary>What a <see cref="DunningRunner"/> run did: one result per relevant action, in a deterministic order.</summary>
public sealed class DunningReport
{
    /// <summary>True when nothing was changed (dry run).</summary>
    public required bool DryRun { get; init; }

    /// <summary>The run's moment (São Paulo offset), used for every plan.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Time the run took (by the injected clock).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Customers with open invoices considered.</summary>
    public required int Customers { get; init; }

    /// <summary>Customers whose debt was read one by one from the billing system in this run (the re-read rule in
    /// <see cref="DunningRunner"/>): zero for a same-day re-run with nothing due.</summary>
    public int DebtReads { get; init; }

    /// <summary>Per-action results, ordered by customer, invoice due date, invoice, step day and step key.</summary>
    public required IReadOnlyList<DunningActionResult> Results { get; init; }

    /// <summary>Customers that could not be planned.</summary>
    public required IReadOnlyList<DunningCustomerFailure> CustomerFailures { get; init; }

    /// <summary>How many results have <paramref name="status"/>.</summary>
    /// <param name="status">The status.</param>
    public int Count(DunningResultStatus status) => Results.Count(r => r.Status == status);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(DryRun ? "Dry run" : "Run")} at {At:O}: {Customers} customers, {Count(DunningResultStatus.Executed)} executed, " +
        $"{Count(DunningResultStatus.Planned)} planned, {Count(DunningResultStatus.Deferred)} deferred, " +
        $"{Count(DunningResultStatus.Skipped)} skipped, {Count(DunningResultStatus.Failed)} failed, {CustomerFailures.Count} customers failed.";
}
