using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth;

/// <summary>
/// One <c>sis_cliente</c> row: in MK-Auth a "cliente" is one login (one connection); a person with several connections
/// has several rows with the same <c>cpf_cnpj</c>. <c>senha</c> and other secrets are dropped when the row is read.
/// </summary>
public sealed class MkAuthCustomer
{
    /// <summary><c>uuid_cliente</c>: the key MK-Auth's API takes for writes.</summary>
    public required string Uuid { get; init; }

    /// <summary>The numeric <c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The PPPoE/hotspot login.</summary>
    public required string Login { get; init; }

    /// <summary><c>nome</c> (mojibake repaired).</summary>
    public required string Name { get; init; }

    /// <summary><c>cpf_cnpj</c> exactly as stored (masked or digits, as the ISP typed it).</summary>
    public string? DocumentText { get; init; }

    /// <summary>The parsed CPF/CNPJ, when valid.</summary>
    public Document? Document { get; init; }

    /// <summary><c>bloqueado = sim</c>.</summary>
    public bool Blocked { get; init; }

    /// <summary><c>cli_ativado = s</c> (false: deactivated).</summary>
    public bool Activated { get; init; } = true;

    /// <summary>When <c>observacao = sim</c>, the end of the observation period (<c>rem_obs</c>, server local time).</summary>
    public DateTimeOffset? ObservationUntil { get; init; }

    /// <summary><c>plano</c>.</summary>
    public string? Plan { get; init; }

    /// <summary>Every other column as text (secrets dropped).</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;

    /// <inheritdoc />
    public override string ToString() => $"MkAuthCustomer {Uuid} ({Document?.Mask() ?? "no document"})";
}
