namespace Cobranca.Connectors.Pix;

/// <summary>One charge of a batch: your txid and the cobv.</summary>
public sealed class PixDueChargeBatchItem
{
    /// <summary>26 to 35 letters or digits, never used before (a batch cannot reuse a txid).</summary>
    public required string Txid { get; init; }

    /// <summary>The charge.</summary>
    public required PixDueChargeRequest Charge { get; init; }
}
