namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// One write of a batch plan. Either a single command (e.g. one <c>add</c>) or an id-batched command (<c>remove</c>/<c>set</c>
/// with <c>=.id=*1,*2,...</c>) that can be split per id when the router answers "no such item".
/// </summary>
internal sealed class BatchStep
{
    private BatchStep(RouterOsCommand? command, Func<string, RouterOsCommand>? buildForIds, List<(PlannedItem Item, string Id)> parts)
    {
        Command = command;
        BuildForIds = buildForIds;
        Parts = parts;
    }

    public RouterOsCommand? Command { get; }

    public Func<string, RouterOsCommand>? BuildForIds { get; }

    public List<(PlannedItem Item, string Id)> Parts { get; }

    /// <summary>The step kicks PPP sessions (recorded on the items when confirmed).</summary>
    public bool IsKick { get; init; }

    /// <summary>A duplicate-entry trap means the desired state already holds (an add raced with someone else).</summary>
    public bool AlreadyExistsIsAlreadyInState { get; init; }

    public IEnumerable<PlannedItem> Items => Parts.Count == 1 ? [Parts[0].Item] : Parts.Select(p => p.Item).Distinct();

    public static BatchStep Single(PlannedItem item, RouterOsCommand command, bool alreadyExistsIsAlreadyInState = false)
    {
        item.AddStep();
        return new BatchStep(command, null, [(item, string.Empty)]) { AlreadyExistsIsAlreadyInState = alreadyExistsIsAlreadyInState };
    }

    /// <summary>Builds id-batched steps of at most <paramref name="perCommand"/> ids each.</summary>
    public static IEnumerable<BatchStep> ForIds(IEnumerable<(PlannedItem Item, string Id)> parts, int perCommand, Func<string, RouterOsCommand> build,
        bool kick = false)
    {
        foreach (var chunk in parts.Chunk(perCommand))
        {
            var step = new BatchStep(null, build, [.. chunk]) { IsKick = kick };
            foreach (var item in step.Items) item.AddStep();
            yield return step;
        }
    }

    /// <summary>
    /// The step without the parts of items that must not get it (their earlier write failed): those parts are released
    /// (reported through <paramref name="released"/> when it was the item's last pending write). Null when nothing is left.
    /// </summary>
    public BatchStep? Without(Func<PlannedItem, bool> skip, Action<PlannedItem> released)
    {
        var keep = Parts.Where(p => !skip(p.Item)).ToList();
        if (keep.Count == Parts.Count) return this;
        foreach (var item in Parts.Where(p => skip(p.Item)).Select(p => p.Item).Distinct().ToList())
        {
            if (item.Release()) released(item);
        }
        return keep.Count == 0 ? null : new BatchStep(Command, BuildForIds, keep) { IsKick = IsKick, AlreadyExistsIsAlreadyInState = AlreadyExistsIsAlreadyInState };
    }

    public RouterOsCommand Build() => Command ?? BuildForIds!(string.Join(',', Parts.Select(p => p.Id)));

    /// <summary>One step per id (used when a batched command trapped "no such item": each id is retried alone).</summary>
    public List<BatchStep> Split()
    {
        var steps = Parts.Select(p => new BatchStep(null, BuildForIds, [p]) { IsKick = IsKick }).ToList();
        foreach (var step in steps) step.Parts[0].Item.AddStep();
        return steps;
    }
}
