namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// The common access state. An extensible value: backends may report codes the SDK does not know, which map to
/// <see cref="Unknown"/>-like values (<see cref="IsKnown"/> false) carrying the raw code instead of throwing.
/// </summary>
public readonly struct AccessStatus : IEquatable<AccessStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its name.</summary>
    /// <param name="value">The name; unknown names are allowed.</param>
    public AccessStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The status name.</summary>
    public string Value => _value ?? "unknown";

    /// <summary>Full access.</summary>
    public static AccessStatus Active { get; } = new("active");
    /// <summary>Blocked (any reason: overdue, manual).</summary>
    public static AccessStatus Blocked { get; } = new("blocked");
    /// <summary>Speed reduced.</summary>
    public static AccessStatus Throttled { get; } = new("throttled");
    /// <summary>Released on trust ("desbloqueio de confiança") while still owing.</summary>
    public static AccessStatus TrustUnlocked { get; } = new("trust-unlocked");
    /// <summary>Not active for a non-financial reason (disabled, awaiting signature, cancelled).</summary>
    public static AccessStatus Inactive { get; } = new("inactive");
    /// <summary>Not known (the backend sent a code the SDK does not map, or nothing).</summary>
    public static AccessStatus Unknown { get; } = new("unknown");

    /// <summary>True for the statuses defined above other than <see cref="Unknown"/>.</summary>
    public bool IsKnown => this == Active || this == Blocked || this == Throttled || this == TrustUnlocked || this == Inactive;

    /// <summary>True when the customer can browse at full speed.</summary>
    public bool HasFullAccess => this == Active || this == TrustUnlocked;

    /// <inheritdoc />
    public bool Equals(AccessStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccessStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(AccessStatus left, AccessStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AccessStatus left, AccessStatus right) => !left.Equals(right);
}
