using System.Globalization;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Internal;

namespace Cobranca.Connectors.Pix;

// lotecobv (IPixDueChargeBatchClient).
public sealed partial class PixClient
{
    /// <inheritdoc />
    public int MaxChargesPerBatch => Math.Max(1, _transport.Profile?.DueChargeBatchLimit ?? 1000);

    /// <inheritdoc />
    public async Task CreateDueChargeBatchAsync(string batchId, PixDueChargeBatchRequest request, CancellationToken cancellationToken = default)
    {
        RequireBatchId(batchId);
        var body = BatchBody(request, requireDescription: true);
        await _transport.SendAsync<LoteCobVRequestDto, object>(HttpMethod.Put, "lotecobv/" + Escape(batchId), body, PixJsonContext.Default.LoteCobVRequestDto,
            null, retryable: true, "lotecobv.put", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateDueChargeBatchAsync(string batchId, PixDueChargeBatchRequest request, CancellationToken cancellationToken = default)
    {
        RequireBatchId(batchId);
        var body = BatchBody(request, requireDescription: false);
        await _transport.SendAsync<LoteCobVRequestDto, object>(HttpMethod.Patch, "lotecobv/" + Escape(batchId), body, PixJsonContext.Default.LoteCobVRequestDto,
            null, retryable: false, "lotecobv.patch", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PixDueChargeBatch> GetDueChargeBatchAsync(string batchId, CancellationToken cancellationToken = default)
    {
        RequireBatchId(batchId);
        var dto = await _transport.SendAsync<object, LoteCobVDto>(HttpMethod.Get, "lotecobv/" + Escape(batchId), null, null,
            PixJsonContext.Default.LoteCobVDto, retryable: true, "lotecobv.get", cancellationToken).ConfigureAwait(false);
        return FromBatchDto(dto!, batchId);
    }

    /// <inheritdoc />
    public async Task<PixPage<PixDueChargeBatch>> ListDueChargeBatchesPageAsync(DateTimeOffset from, DateTimeOffset to, int pageIndex = 0, int pageSize = 100,
        CancellationToken cancellationToken = default)
    {
        var path = ListPath("lotecobv", from, to, pageSize, pageIndex);
        var dto = await _transport.SendAsync<object, LoteCobVListDto>(HttpMethod.Get, path.ToString(), null, null,
            PixJsonContext.Default.LoteCobVListDto, retryable: true, "lotecobv.list", cancellationToken).ConfigureAwait(false);
        var items = dto!.Lotes?.Select(l => FromBatchDto(l, string.Empty)).ToList() ?? [];
        return Page(items, dto.Parametros?.Paginacao, pageIndex, pageSize);
    }

    /// <inheritdoc />
    public async Task<PixDueChargeBatchReport> SubmitDueChargesAsync(long firstBatchId, string description, IReadOnlyList<PixDueChargeBatchItem> charges,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstBatchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(charges);
        var limit = MaxChargesPerBatch;
        var ids = new List<string>();
        var index = 0;
        foreach (var chunk in charges.Chunk(limit))
        {
            var id = (firstBatchId + index++).ToString(CultureInfo.InvariantCulture);
            RequireBatchId(id);
            await CreateDueChargeBatchAsync(id, new PixDueChargeBatchRequest { Description = description, Charges = chunk }, cancellationToken).ConfigureAwait(false);
            ids.Add(id);
        }

        return await GetDueChargeBatchReportAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PixDueChargeBatchReport> GetDueChargeBatchReportAsync(IEnumerable<string> batchIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batchIds);
        var ids = batchIds.ToList();
        var entries = new List<PixDueChargeBatchEntry>();
        foreach (var id in ids) entries.AddRange((await GetDueChargeBatchAsync(id, cancellationToken).ConfigureAwait(false)).Entries);
        return new PixDueChargeBatchReport { BatchIds = ids, Entries = entries };
    }

    private LoteCobVRequestDto BatchBody(PixDueChargeBatchRequest request, bool requireDescription)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (requireDescription && string.IsNullOrWhiteSpace(request.Description)) throw new ArgumentException("A batch needs a description.", nameof(request));
        if (request.Charges is null || request.Charges.Count == 0) throw new ArgumentException("A batch needs at least one charge.", nameof(request));
        var limit = MaxChargesPerBatch;
        if (request.Charges.Count > limit) throw new ArgumentException($"A batch carries at most {limit} charges for this PSP; use SubmitDueChargesAsync to chunk.", nameof(request));
        if (request.Charges.Select(c => c.Txid).Distinct(StringComparer.Ordinal).Count() != request.Charges.Count)
            throw new ArgumentException("A batch cannot carry the same txid twice.", nameof(request));
        var items = new List<LoteCobVRequestItemDto>(request.Charges.Count);
        foreach (var item in request.Charges)
        {
            RequireTxid(item.Txid);
            ArgumentNullException.ThrowIfNull(item.Charge);
            if (requireDescription)
            {
                RequireCharge(item.Charge.Key, item.Charge.Amount);
                ArgumentNullException.ThrowIfNull(item.Charge.Debtor);
            }

            var cob = PixMapper.ToDto(item.Charge);
            items.Add(new LoteCobVRequestItemDto
            {
                Txid = item.Txid,
                Calendario = cob.Calendario,
                Devedor = cob.Devedor,
                Valor = cob.Valor,
                Chave = cob.Chave,
                SolicitacaoPagador = cob.SolicitacaoPagador,
                InfoAdicionais = cob.InfoAdicionais,
            });
        }

        return new LoteCobVRequestDto { Descricao = request.Description, Cobsv = items };
    }

    private static PixDueChargeBatch FromBatchDto(LoteCobVDto dto, string fallbackId)
    {
        var id = dto.Id is { } element ? element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText() : null;
        return new PixDueChargeBatch
        {
            Id = id ?? fallbackId,
            Description = dto.Descricao,
            CreatedAt = dto.Criacao,
            Entries = dto.Cobsv?.Where(c => c.Txid is not null).Select(c => new PixDueChargeBatchEntry
            {
                Txid = c.Txid!,
                BatchId = id ?? fallbackId,
                StatusCode = c.Status,
                Status = c.Status switch
                {
                    "EM_PROCESSAMENTO" => PixBatchItemStatus.Processing,
                    "CRIADA" => PixBatchItemStatus.Created,
                    "NEGADA" => PixBatchItemStatus.Denied,
                    _ => PixBatchItemStatus.Unknown,
                },
                ErrorCode = c.Problema?.Type is { Length: > 0 } type ? type.TrimEnd('/')[(type.TrimEnd('/').LastIndexOf('/') + 1)..] : null,
                ErrorDetail = c.Problema is null ? null : SensitiveData.Redact(string.Join(" ", new[] { c.Problema.Title, c.Problema.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)))),
                Violations = c.Problema?.Violacoes?.Select(v => new FieldViolation(v.Propriedade ?? string.Empty, v.Razao ?? string.Empty, v.Valor)).ToList() ?? [],
            }).ToList() ?? [],
        };
    }

    private static void RequireBatchId(string batchId)
    {
        if (string.IsNullOrEmpty(batchId) || batchId.Length > 10 || !batchId.All(char.IsAsciiDigit) || !int.TryParse(batchId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new ArgumentException("A batch id must be a decimal number below 2^31 (the spec's id types disagree; this is the safe subset).", nameof(batchId));
    }
}
