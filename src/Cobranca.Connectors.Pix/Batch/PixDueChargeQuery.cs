using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Filters of <c>GET /cobv</c> (charges with due date): a time window on the creation time (required) and optional
/// filters, among them the batch a charge was created by (<c>loteCobVId</c>).
/// </summary>
public sealed class PixDueChargeQuery
{
    /// <summary>Window start (<c>inicio</c>, RFC 3339; creation time).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Window end (<c>fim</c>, RFC 3339).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only this debtor (<c>cpf</c> or <c>cnpj</c>; never both, as the spec requires).</summary>
    public Document? Debtor { get; init; }

    /// <summary>Only charges with (true) or without (false) a location (<c>locationPresente</c>).</summary>
    public bool? LocationPresent { get; init; }

    /// <summary>Only this status (<c>status</c>, e.g. <see cref="PixChargeStatus.Active"/>).</summary>
    public PixChargeStatus? Status { get; init; }

    /// <summary>
    /// Only charges created by this <c>lotecobv</c> batch (<c>loteCobVId</c>): the batch id as a decimal number below
    /// 2^31 (the filter is an int32 in the spec). Refused charges (<c>NEGADA</c>) are not charges and never listed.
    /// </summary>
    public string? BatchId { get; init; }

    /// <summary>Items per page (<c>paginacao.itensPorPagina</c>, 1 to 1000; default 100).</summary>
    public int PageSize { get; init; } = 100;
}
