namespace Cobranca.Connectors.Abstractions;

/// <summary>What an <see cref="AccessCommand"/> asks for.</summary>
public enum AccessCommandKind
{
    /// <summary>Block.</summary>
    Block,
    /// <summary>Unblock (full access).</summary>
    Unblock,
    /// <summary>Reduce speed.</summary>
    Throttle,
}
