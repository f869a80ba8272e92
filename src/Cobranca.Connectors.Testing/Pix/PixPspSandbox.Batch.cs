using System.Globalization;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cobranca.Connectors.Testing.Pix;

// lotecobv: batches of cobv (PUT/PATCH/GET /lotecobv/{id}, GET /lotecobv). Each charge is validated like PUT /cobv;
// a refused one is NEGADA with an RFC 7807 problem and does not exist as a charge. By default the sandbox processes a
// batch within the PUT; with PixPspSandboxOptions.DueChargeBatchProcessingDelay each charge stays EM_PROCESSAMENTO until
// the sandbox clock passes PUT time + delay, and is processed lazily (SettleBatches, called under the gate before every
// request and control call) in arrival order, so the outcome is deterministic under a fake clock.
public sealed partial class PixPspSandbox
{
    private readonly Dictionary<string, SandboxBatch> _batches = new(StringComparer.Ordinal);
    private long _batchSequence;
    private int _pendingBatchItems;

    private void ConfigureBatches(string p)
    {
        _app.MapPut(p + "/lotecobv/{id}", PutBatchAsync);
        _app.MapMethods(p + "/lotecobv/{id}", ["PATCH"], PatchBatchAsync);
        _app.MapGet(p + "/lotecobv/{id}", GetBatchAsync);
        _app.MapGet(p + "/lotecobv", ListBatchesAsync);
    }

    private async Task PutBatchAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var id = RouteValue(ctx, "id");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        var violations = new JsonArray();
        if (Text(body?["descricao"]) is not { Length: > 0 }) violations.Add(Violation("O campo loteCobV.descricao não respeita o schema.", "loteCobV.descricao", null));
        var items = body?["cobsv"] as JsonArray;
        if (items is null || items.Count == 0 || items.Count > _options.DueChargeBatchLimit)
            violations.Add(Violation($"O objeto loteCobV.cobsV não respeita o schema (1 a {_options.DueChargeBatchLimit} cobranças).", "loteCobV.cobsV", null));
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            violations.Add(Violation("O id do lote não respeita o schema.", "loteCobV.id", id));
        string? problem = violations.Count > 0 ? "A requisição que busca criar um lote de cobranças com vencimento não respeita o schema ou está semanticamente errada." : null;
        lock (_gate)
        {
            var txids = items?.Select(i => Text(i?["txid"]) ?? string.Empty).ToList() ?? [];
            if (problem is null && txids.Distinct(StringComparer.Ordinal).Count() != txids.Count) problem = "O lote repete um txid.";
            if (problem is null && _batches.TryGetValue(id, out var existing))
            {
                // A PUT on an existing batch must carry exactly its txids (a re-send); nothing new is created.
                if (!existing.Items.Select(i => i.Txid).ToHashSet(StringComparer.Ordinal).SetEquals(txids)) problem = "Um lote existente deve ser revisado com exatamente os mesmos txids.";
            }
            else if (problem is null)
            {
                var batch = new SandboxBatch { Id = id, Description = Text(body!["descricao"])!, CreatedAt = _options.TimeProvider.GetUtcNow(), Sequence = ++_batchSequence };
                var delay = _options.DueChargeBatchProcessingDelay;
                foreach (var node in items!)
                {
                    var charge = node as JsonObject ?? new JsonObject();
                    if (delay == TimeSpan.Zero)
                    {
                        batch.Items.Add(CreateBatchCharge(charge, batch.CreatedAt, id));
                    }
                    else
                    {
                        batch.Items.Add(new SandboxBatchItem
                        {
                            Txid = Text(charge["txid"]) ?? string.Empty,
                            Status = "EM_PROCESSAMENTO",
                            Pending = (JsonObject)charge.DeepClone(),
                            ReadyAt = batch.CreatedAt + delay,
                        });
                        _pendingBatchItems++;
                    }
                }

                _batches[id] = batch;
            }
        }

        if (problem is not null)
            await ProblemAsync(ctx, 400, "LoteCobVOperacaoInvalida", "Lote de cobranças inválido.", problem, violations).ConfigureAwait(false);
        else
            ctx.Response.StatusCode = 202;
    }

    /// <summary>
    /// Processes every batch charge whose processing time has come (call under <c>_gate</c>): oldest first, batch by
    /// batch in arrival order, charge by charge in the batch's order, each validated against the state at that point.
    /// </summary>
    private void SettleBatches()
    {
        if (_pendingBatchItems == 0) return;
        var now = _options.TimeProvider.GetUtcNow();
        var due = _batches.Values
            .SelectMany(b => b.Items.Select((item, index) => (Batch: b, Item: item, Index: index)))
            .Where(x => x.Item.Pending is not null && x.Item.ReadyAt <= now)
            .OrderBy(x => x.Item.ReadyAt).ThenBy(x => x.Batch.Sequence).ThenBy(x => x.Index)
            .ToList();
        foreach (var (batch, item, index) in due)
        {
            batch.Items[index] = CreateBatchCharge(item.Pending!, item.ReadyAt, batch.Id);
            _pendingBatchItems--;
        }
    }

    /// <summary>Validates one charge like PUT /cobv and creates it, or returns it NEGADA with the problem.</summary>
    private SandboxBatchItem CreateBatchCharge(JsonObject item, DateTimeOffset now, string batchId)
    {
        var txid = Text(item["txid"]) ?? string.Empty;
        var violations = new JsonArray();
        if (!TxidPattern().IsMatch(txid)) violations.Add(Violation("O campo cobv.txid não respeita o schema.", "cobv.txid", txid));
        else if (_charges.ContainsKey(txid)) violations.Add(Violation("O txid já foi utilizado por outra cobrança.", "cobv.txid", txid));
        var amount = ParseAmount(item["valor"]?["original"]);
        if (amount is null or <= 0) violations.Add(Violation("O campo cobv.valor.original não respeita o schema.", "cobv.valor.original", null));
        if (Text(item["chave"]) != _options.Key) violations.Add(Violation("A chave não pertence ao usuário recebedor.", "cobv.chave", null));
        var due = Text(item["calendario"]?["dataDeVencimento"]);
        if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            violations.Add(Violation("O campo cobv.calendario.dataDeVencimento não respeita o schema.", "cobv.calendario.dataDeVencimento", due));
        var devedor = item["devedor"] as JsonObject;
        if (!Document.TryParse(Text(devedor?["cpf"]) ?? Text(devedor?["cnpj"]), out _) || Text(devedor?["nome"]) is not { Length: > 0 })
            violations.Add(Violation("O objeto cobv.devedor não respeita o schema.", "cobv.devedor", null));
        var valor = item["valor"] as JsonObject;
        CheckModalidade(valor?["multa"], "multa", 1, 2, violations);
        CheckModalidade(valor?["juros"], "juros", 1, 8, violations);
        CheckModalidade(valor?["abatimento"], "abatimento", 1, 2, violations);
        CheckModalidade(valor?["desconto"], "desconto", 1, 6, violations);
        if (violations.Count > 0)
        {
            return new SandboxBatchItem
            {
                Txid = txid,
                Status = "NEGADA",
                Problem = new JsonObject
                {
                    ["type"] = ErrorBase + "CobVOperacaoInvalida",
                    ["title"] = "Cobrança inválida.",
                    ["status"] = 400,
                    ["detail"] = "A requisição que busca alterar ou criar uma cobrança com vencimento não respeita o _schema_ ou está semanticamente errada.",
                    ["violacoes"] = violations,
                },
            };
        }

        var location = $"{RootUrl.Authority}/qr/v2/cobv/{Guid.NewGuid():N}";
        var validity = ParseInt(item["calendario"]?["validadeAposVencimento"]);
        _charges[txid] = new SandboxCharge
        {
            Txid = txid,
            IsDue = true,
            RequestBody = item.ToJsonString(),
            CreatedAt = now,
            DueDate = due,
            ValidityAfterDue = validity ?? 30,
            Amount = amount!.Value,
            Key = _options.Key,
            Debtor = devedor?.DeepClone(),
            ValueExtras = ValueExtras(valor),
            PayerMessage = Text(item["solicitacaoPagador"]),
            AdditionalInfo = item["infoAdicionais"]?.DeepClone(),
            LocationId = ++_nextLocation,
            Location = location,
            CopyPaste = SandboxBrCode.Dynamic(location, _options.MerchantName, _options.MerchantCity, null),
            BatchId = batchId,
        };
        return new SandboxBatchItem { Txid = txid, Status = "CRIADA", CreatedAt = now };
    }

    private async Task PatchBatchAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var id = RouteValue(ctx, "id");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        string? problem = null;
        var found = false;
        lock (_gate)
        {
            if (_batches.TryGetValue(id, out var batch))
            {
                found = true;
                var items = body?["cobsv"] as JsonArray;
                if (items is null || items.Count == 0) problem = "O objeto loteCobV.cobsV não respeita o schema.";
                else if (items.Any(i => batch.Items.All(b => b.Txid != Text(i?["txid"])))) problem = "Um lote não pode receber txids novos.";
                else if (items.Any(i => batch.Items.Any(b => b.Pending is not null && b.Txid == Text(i?["txid"]))))
                    problem = "O lote ainda está em processamento: revise as cobranças depois que deixarem o status EM_PROCESSAMENTO.";
                else
                {
                    if (Text(body?["descricao"]) is { Length: > 0 } d) batch.Description = d;
                    foreach (var node in items)
                    {
                        var txid = Text(node?["txid"])!;
                        if (!_charges.TryGetValue(txid, out var charge) || charge.Status != "ATIVA") continue;
                        if (ParseAmount(node?["valor"]?["original"]) is { } a && a > 0) charge.Amount = a;
                        if (Text(node?["calendario"]?["dataDeVencimento"]) is { } due
                            && DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) charge.DueDate = due;
                        charge.Revision++;
                    }
                }
            }
        }

        if (!found)
            await ProblemAsync(ctx, 404, "LoteCobVNaoEncontrado", "Lote não encontrado.", "Nenhum lote encontrado para o id informado.").ConfigureAwait(false);
        else if (problem is not null)
            await ProblemAsync(ctx, 400, "LoteCobVOperacaoInvalida", "Lote de cobranças inválido.", problem).ConfigureAwait(false);
        else
            ctx.Response.StatusCode = 202;
    }

    private async Task GetBatchAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            if (_batches.TryGetValue(RouteValue(ctx, "id"), out var batch)) json = BatchJson(batch);
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "LoteCobVNaoEncontrado", "Lote não encontrado.", "Nenhum lote encontrado para o id informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task ListBatchesAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        if (await ReadListQueryAsync(ctx, "LoteCobVConsultaInvalida") is not { } q) return;
        JsonObject json;
        lock (_gate)
        {
            var all = _batches.Values.Where(b => b.CreatedAt >= q.From && b.CreatedAt <= q.To).OrderBy(b => b.CreatedAt).ToList();
            json = ListJson(q, all.Count, "lotes", all.Skip(q.Page * q.Size).Take(q.Size).Select(b => (JsonNode)BatchJson(b)));
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private static JsonObject BatchJson(SandboxBatch b) => new()
    {
        ["id"] = long.Parse(b.Id, CultureInfo.InvariantCulture),
        ["descricao"] = b.Description,
        ["criacao"] = Rfc3339(b.CreatedAt),
        ["cobsv"] = new JsonArray([.. b.Items.Select(i =>
        {
            var item = new JsonObject { ["txid"] = i.Txid, ["status"] = i.Status };
            if (i.CreatedAt is { } c) item["criacao"] = Rfc3339(c);
            if (i.Problem is not null) item["problema"] = i.Problem.DeepClone();
            return (JsonNode)item;
        })]),
    };
}
