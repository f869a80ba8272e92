namespace Cobranca.Connectors.Pix;

/// <summary>Several batches read back as one per-charge report.</summary>
public sealed class PixDueChargeBatchReport
{
    /// <summary>The batch ids, in order.</summary>
    public required IReadOnlyList<string> BatchIds { get; init; }

    /// <summary>Every charge, batch by batch.</summary>
    public required IReadOnlyList<PixDueChargeBatchEntry> Entries { get; init; }

    /// <summary>Charges created.</summary>
    public int Created => Entries.Count(e => e.Status == PixBatchItemStatus.Created);

    /// <summary>Charges refused (fix and re-issue them individually with a new txid).</summary>
    public int Denied => Entries.Count(e => e.Status == PixBatchItemStatus.Denied);

    /// <summary>Charges still processing (poll again).</summary>
    public int Processing => Entries.Count(e => e.Status is PixBatchItemStatus.Processing or PixBatchItemStatus.Unknown);
}
