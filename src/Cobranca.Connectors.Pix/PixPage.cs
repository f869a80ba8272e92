namespace Cobranca.Connectors.Pix;

/// <summary>One page of a BACEN list (<c>parametros.paginacao</c>).</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class PixPage<T>
{
    /// <summary>The items of this page.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Zero-based page index (<c>paginaAtual</c>).</summary>
    public int PageIndex { get; init; }

    /// <summary>Items per page (<c>itensPorPagina</c>).</summary>
    public int PageSize { get; init; }

    /// <summary>Number of pages (<c>quantidadeDePaginas</c>).</summary>
    public int PageCount { get; init; }

    /// <summary>Total items over all pages (<c>quantidadeTotalDeItens</c>).</summary>
    public int TotalItems { get; init; }

    /// <summary>True when a next page exists.</summary>
    public bool HasNextPage => PageIndex + 1 < PageCount;
}
