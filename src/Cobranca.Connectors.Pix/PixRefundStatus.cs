using System.Text.Json.Serialization;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Status of a devolução (refund). Extensible: an unknown code is kept in <see cref="Value"/> and never throws.
/// </summary>
[JsonConverter(typeof(PixRefundStatusJsonConverter))]
public readonly struct PixRefundStatus : IEquatable<PixRefundStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire code.</summary>
    /// <param name="value">The code, e.g. <c>DEVOLVIDO</c>.</param>
    public PixRefundStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>EM_PROCESSAMENTO</c>: requested, not settled yet.</summary>
    public static PixRefundStatus Processing { get; } = new("EM_PROCESSAMENTO");

    /// <summary><c>DEVOLVIDO</c>: money returned to the payer.</summary>
    public static PixRefundStatus Refunded { get; } = new("DEVOLVIDO");

    /// <summary><c>NAO_REALIZADO</c>: the refund failed (see <see cref="PixRefund.Reason"/>).</summary>
    public static PixRefundStatus NotDone { get; } = new("NAO_REALIZADO");

    /// <summary>The wire code (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the three codes the BACEN spec defines.</summary>
    public bool IsKnown => this == Processing || this == Refunded || this == NotDone;

    /// <inheritdoc />
    public bool Equals(PixRefundStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PixRefundStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    public static bool operator ==(PixRefundStatus left, PixRefundStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    public static bool operator !=(PixRefundStatus left, PixRefundStatus right) => !left.Equals(right);
}
