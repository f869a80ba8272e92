using System.Runtime.CompilerServices;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

// GET /locrec (IPixRecurrenceClient): the paged list of recurrence locations.
public sealed partial class PixClient
{
    /// <inheritdoc />
    public async Task<PixPage<PixRecurrenceLocation>> ListRecurrenceLocationsPageAsync(PixRecurrenceLocationQuery query, int pageIndex = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Agreement is { Length: > 60 }) throw new ArgumentException("Agreement must be at most 60 characters.", nameof(query));
        var path = ListPath("locrec", query.From, query.To, query.PageSize, pageIndex);
        if (query.RecurrencePresent is { } present) path.Append("&idRecPresente=").Append(present ? "true" : "false");
        if (query.Agreement is { } agreement) path.Append("&convenio=").Append(Escape(agreement));
        var dto = await _transport.SendAsync<object, RecLocListDto>(HttpMethod.Get, RecPath(path.ToString()), null, null,
            PixJsonContext.Default.RecLocListDto, retryable: true, "locrec.list", cancellationToken).ConfigureAwait(false);
        var items = dto!.Loc?.Where(l => l.Id is > 0 && !string.IsNullOrEmpty(l.Location)).Select(PixRecurrenceMapper.FromDto).ToList() ?? [];
        return Page(items, dto.Parametros?.Paginacao, pageIndex, query.PageSize);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PixRecurrenceLocation> ListRecurrenceLocationsAsync(PixRecurrenceLocationQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; ; page++)
        {
            var result = await ListRecurrenceLocationsPageAsync(query, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;
            if (!result.HasNextPage || result.Items.Count == 0) yield break;
        }
    }
}
