namespace Cobranca.Connectors.Abstractions;

/// <summary>Result of <see cref="IAccessController.ApplyAsync"/>: one item per submitted command, in order.</summary>
public sealed class BatchResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="items">One result per command, in submission order.</param>
    public BatchResult(IReadOnlyList<BatchItemResult> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
    }

    /// <summary>Per-item outcomes, in submission order.</summary>
    public IReadOnlyList<BatchItemResult> Items { get; }

    /// <summary>How many items ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome to count.</param>
    public int Count(BatchItemOutcome outcome) => Items.Count(i => i.Outcome == outcome);

    /// <summary>True when every item succeeded (applied or already in state).</summary>
    public bool AllSucceeded => Items.All(i => i.Succeeded);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Items.Count} items: {Count(BatchItemOutcome.Applied)} applied, {Count(BatchItemOutcome.AlreadyInState)} already in state, " +
        $"{Count(BatchItemOutcome.Failed)} failed, {Count(BatchItemOutcome.Unconfirmed)} unconfirmed, {Count(BatchItemOutcome.NotAttempted)} not attempted";
}
