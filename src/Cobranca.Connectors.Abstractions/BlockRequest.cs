namespace Cobranca.Connectors.Abstractions;

/// <summary>Details of a block.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Note">A short ASCII note some backends store (MikroTik comment, ERP history). Never put personal data here.</param>
/// <param name="Duration">Lift the block automatically after this long, where the backend supports it (MikroTik address-list timeout).</param>
public sealed record BlockRequest(BlockReason Reason = BlockReason.Overdue, string? Note = null, TimeSpan? Duration = null)
{
    /// <summary>A block for late payment with no note and no expiry.</summary>
    public static BlockRequest Overdue { get; } = new();
}
