using System.Globalization;
using System.Runtime.CompilerServices;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

// GET /cobv (IPixDueChargeBatchClient): the paged list of charges with due date, optionally of one lotecobv batch.
public sealed partial class PixClient
{
    /// <inheritdoc />
    public async Task<PixPage<PixCharge>> ListDueChargesPageAsync(PixDueChargeQuery query, int pageIndex = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.BatchId is { } batch && !IsBatchFilter(batch))
            throw new ArgumentException("BatchId must be a decimal number below 2^31 (loteCobVId is an int32 in the spec).", nameof(query));
        var path = ListPath("cobv", query.From, query.To, query.PageSize, pageIndex);
        AppendDocument(path, query.Debtor);
        if (query.LocationPresent is { } lp) path.Append("&locationPresente=").Append(lp ? "true" : "false");
        if (query.Status is { Value.Length: > 0 } status) path.Append("&status=").Append(Escape(status.Value));
        if (query.BatchId is { } id) path.Append("&loteCobVId=").Append(id);
        var dto = await _transport.SendAsync<object, CobVListDto>(HttpMethod.Get, path.ToString(), null, null,
            PixJsonContext.Default.CobVListDto, retryable: true, "cobv.list", cancellationToken).ConfigureAwait(false);
        var items = dto!.Cobs?.Where(c => c.Txid is not null).Select(c => PixMapper.FromDto(c, dueCharge: true, c.Txid!)).ToList() ?? [];
        return Page(items, dto.Parametros?.Paginacao, pageIndex, query.PageSize);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PixCharge> ListDueChargesAsync(PixDueChargeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; ; page++)
        {
            var result = await ListDueChargesPageAsync(query, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items) yield return item;
            // Stop on the PSP's page count, and also on an empty page (guards against a PSP that miscounts).
            if (!result.HasNextPage || result.Items.Count == 0) yield break;
        }
    }

    private static bool IsBatchFilter(string id) =>
        id.Length is > 0 and <= 10 && id.All(char.IsAsciiDigit) && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
