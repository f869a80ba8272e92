namespace Cobranca.Connectors.Pix;

/// <summary>Filters of <c>GET /locrec</c> (recurrence locations): a time window on the creation time (required) and optional filters.</summary>
public sealed class PixRecurrenceLocationQuery
{
    /// <summary>Window start (<c>inicio</c>, RFC 3339; creation time).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Window end (<c>fim</c>, RFC 3339).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only locations linked (true) or not linked (false) to a recurrence (<c>idRecPresente</c>).</summary>
    public bool? RecurrencePresent { get; init; }

    /// <summary>Only this agreement code (<c>convenio</c>, up to 60 characters; spec 2.8.1 and later).</summary>
    public string? Agreement { get; init; }

    /// <summary>Items per page (<c>paginacao.itensPorPagina</c>, 1 to 1000; default 100).</summary>
    public int PageSize { get; init; } = 100;
}
