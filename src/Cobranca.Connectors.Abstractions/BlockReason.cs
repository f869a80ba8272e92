namespace Cobranca.Connectors.Abstractions;

/// <summary>Why a subscriber is blocked.</summary>
public enum BlockReason
{
    /// <summary>Late payment (the common case; automatic dunning).</summary>
    Overdue,
    /// <summary>An operator's decision.</summary>
    Manual,
    /// <summary>Abuse or fraud.</summary>
    Abuse,
}
