namespace Cobranca.Connectors.Pix;

/// <summary>Filter for <c>GET /pix</c> (received Pix in a time window).</summary>
public sealed class PixPaymentQuery
{
    /// <summary>Window start (<c>inicio</c>, RFC 3339).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Window end (<c>fim</c>, RFC 3339).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only this charge (<c>txid</c>).</summary>
    public string? Txid { get; init; }

    /// <summary>Only Pix with (true) or without (false) a txid (<c>txIdPresente</c>).</summary>
    public bool? TxidPresent { get; init; }

    /// <summary>Only Pix with (true) or without (false) refunds (<c>devolucaoPresente</c>).</summary>
    public bool? RefundPresent { get; init; }

    /// <summary>Items per page (<c>paginacao.itensPorPagina</c>, 1 to 1000; default 100).</summary>
    public int PageSize { get; init; } = 100;
}
