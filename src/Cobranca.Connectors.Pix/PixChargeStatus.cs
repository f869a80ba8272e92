using System.Text.Json.Serialization;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Status of a <c>cob</c>/<c>cobv</c> record (BACEN <c>CobrancaStatus</c>). The API may add values at any time (the
/// spec says new enum elements are backwards compatible), so this is an extensible value: an unknown code never
/// throws, it is kept in <see cref="Value"/> and <see cref="IsKnown"/> is false.
/// </summary>
/// <remarks>The status is the record's, not the payment deadline's: an expired <c>cob</c> may still be <see cref="Active"/>.</remarks>
[JsonConverter(typeof(PixChargeStatusJsonConverter))]
public readonly struct PixChargeStatus : IEquatable<PixChargeStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire code.</summary>
    /// <param name="value">The code, e.g. <c>ATIVA</c>.</param>
    public PixChargeStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>ATIVA</c>: open, can be paid.</summary>
    public static PixChargeStatus Active { get; } = new("ATIVA");

    /// <summary><c>CONCLUIDA</c>: paid.</summary>
    public static PixChargeStatus Completed { get; } = new("CONCLUIDA");

    /// <summary><c>REMOVIDA_PELO_USUARIO_RECEBEDOR</c>: cancelled by the receiver (you, via PATCH).</summary>
    public static PixChargeStatus RemovedByReceiver { get; } = new("REMOVIDA_PELO_USUARIO_RECEBEDOR");

    /// <summary><c>REMOVIDA_PELO_PSP</c>: removed by the PSP.</summary>
    public static PixChargeStatus RemovedByPsp { get; } = new("REMOVIDA_PELO_PSP");

    /// <summary>The wire code (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the four codes the BACEN spec defines.</summary>
    public bool IsKnown => this == Active || this == Completed || this == RemovedByReceiver || this == RemovedByPsp;

    /// <summary>True when the charge was paid.</summary>
    public bool IsPaid => this == Completed;

    /// <inheritdoc />
    public bool Equals(PixChargeStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PixChargeStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    public static bool operator ==(PixChargeStatus left, PixChargeStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    public static bool operator !=(PixChargeStatus left, PixChargeStatus right) => !left.Equals(right);
}
