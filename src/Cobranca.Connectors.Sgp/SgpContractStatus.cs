using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Sgp;

/// <summary>
/// An SGP contract status (<c>contratoStatus</c>; the <c>status</c> of <c>contrato/status/edit</c>). Extensible: a code
/// this SDK does not know is kept with its number and maps to <see cref="AccessStatus.Unknown"/>.
/// </summary>
public readonly struct SgpContractStatus : IEquatable<SgpContractStatus>
{
    /// <summary>Creates a status from its code.</summary>
    /// <param name="code">The SGP code.</param>
    public SgpContractStatus(int code) => Code = code;

    /// <summary>The SGP code.</summary>
    public int Code { get; }

    /// <summary>1 Ativo.</summary>
    public static SgpContractStatus Active => new(1);

    /// <summary>2 Inativo (integrators treat it as cancelled).</summary>
    public static SgpContractStatus Inactive => new(2);

    /// <summary>3 Cancelado.</summary>
    public static SgpContractStatus Cancelled => new(3);

    /// <summary>4 Suspenso: blocked for debt.</summary>
    public static SgpContractStatus Suspended => new(4);

    /// <summary>5 Inviabilidade Técnica.</summary>
    public static SgpContractStatus TechnicallyUnfeasible => new(5);

    /// <summary>6 Novo: not installed yet.</summary>
    public static SgpContractStatus New => new(6);

    /// <summary>7 Ativo V. Reduzida: throttled for debt, still online.</summary>
    public static SgpContractStatus ReducedSpeed => new(7);

    /// <summary>The status name as SGP shows it, or <c>"Status {code}"</c>.</summary>
    public string Name => Code switch
    {
        1 => "Ativo",
        2 => "Inativo",
        3 => "Cancelado",
        4 => "Suspenso",
        5 => "Inviabilidade Técnica",
        6 => "Novo",
        7 => "Ativo V. Reduzida",
        _ => string.Create(CultureInfo.InvariantCulture, $"Status {Code}"),
    };

    /// <summary>The common access state: 1 active, 4 blocked, 7 throttled, 2/3/5 inactive, anything else unknown.</summary>
    public AccessState ToAccessState()
    {
        var raw = Code.ToString(CultureInfo.InvariantCulture);
        return Code switch
        {
            1 => new AccessState(AccessStatus.Active, raw, Detail: Name),
            4 => new AccessState(AccessStatus.Blocked, raw, Detail: Name),
            7 => new AccessState(AccessStatus.Throttled, raw, Detail: Name + " (speed set by the SGP plan)"),
            2 or 3 or 5 => new AccessState(AccessStatus.Inactive, raw, Detail: Name),
            _ => new AccessState(AccessStatus.Unknown, raw, Detail: Name),
        };
    }

    /// <inheritdoc />
    public bool Equals(SgpContractStatus other) => Code == other.Code;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SgpContractStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Code;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} {Name}");

    /// <summary>Equality.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another.</param>
    public static bool operator ==(SgpContractStatus left, SgpContractStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another.</param>
    public static bool operator !=(SgpContractStatus left, SgpContractStatus right) => !left.Equals(right);
}
