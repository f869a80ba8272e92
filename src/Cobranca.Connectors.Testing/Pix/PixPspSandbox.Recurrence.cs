using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cobranca.Connectors.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cobranca.Connectors.Testing.Pix;

// Pix Automático (BACEN API Pix 2.9.0): locrec, rec, solicrec, cobr with attempts and retries, webhookrec/webhookcobr.
// The payer's side (authorising, the payer's PSP scheduling and settling each attempt, a payer cancelling) is driven
// by the control methods below and by RunRecurrenceSchedulerAsync on the sandbox clock.
public sealed partial class PixPspSandbox
{
    private static readonly string[] RecStatuses = ["CRIADA", "APROVADA", "REJEITADA", "EXPIRADA", "CANCELADA"];
    private static readonly string[] CobrStatuses = ["CRIADA", "ATIVA", "CONCLUIDA", "EXPIRADA", "REJEITADA", "CANCELADA"];
    private readonly Dictionary<string, SandboxRec> _recs = new(StringComparer.Ordinal);
    private readonly List<SandboxRec> _recOrder = [];
    private readonly Dictionary<long, SandboxLocRec> _locRecs = [];
    private readonly Dictionary<string, SandboxSolicRec> _solicRecs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxCobr> _cobrs = new(StringComparer.Ordinal);
    private readonly List<SandboxCobr> _cobrOrder = [];
    private string? _webhookRec;
    private DateTimeOffset _webhookRecAt;
    private string? _webhookCobr;
    private DateTimeOffset _webhookCobrAt;
    private long _nextLocRec = 5000;

    /// <summary>The status of a recurrence (<c>CRIADA</c>, <c>APROVADA</c>…), or null when unknown.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    public string? GetRecurrenceStatus(string recurrenceId)
    {
        lock (_gate) return _recs.TryGetValue(recurrenceId, out var r) ? r.Status : null;
    }

    /// <summary>The status of a recurring charge, or null when unknown.</summary>
    /// <param name="txid">The txid.</param>
    public string? GetRecurringChargeStatus(string txid)
    {
        lock (_gate) return _cobrs.TryGetValue(txid, out var c) ? c.Status : null;
    }

    /// <summary>How many recurring charges exist (all statuses).</summary>
    public int RecurringChargeCount
    {
        get
        {
            lock (_gate) return _cobrs.Count;
        }
    }

    /// <summary>Every Pix received so far (cob, cobv and recurring charges), oldest first.</summary>
    public IReadOnlyList<PixSandboxPayment> ReceivedPayments
    {
        get
        {
            lock (_gate) return [.. _pixOrder.Select(p => new PixSandboxPayment(p.EndToEndId, p.Txid ?? string.Empty, p.Amount, p.PaidAt, null))];
        }
    }

    /// <summary>
    /// The payer authorises a recurrence (journey 2/3/4 QR read, or journey 1 push accepted): <c>CRIADA</c> →
    /// <c>APROVADA</c>, then <c>POST {webhookrec}/rec</c>. Journey 3 also pays the immediate charge of
    /// <c>dadosJornada.txid</c> (the first payment rides on the classic <c>/pix</c> webhook).
    /// </summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="journey">Which journey the payer used: <c>JORNADA_1</c>…<c>JORNADA_4</c>; default <c>JORNADA_2</c>, or <c>JORNADA_3</c> when the rec carries a journey txid.</param>
    /// <param name="cancellationToken">Cancels the webhook delivery.</param>
    /// <returns>The receiver's webhook answer (null without a webhook).</returns>
    public async Task<int?> ApproveRecurrenceAsync(string recurrenceId, string? journey = null, CancellationToken cancellationToken = default)
    {
        string? payTxid;
        lock (_gate)
        {
            var rec = RequireRec(recurrenceId);
            if (rec.Status != "CRIADA") throw new InvalidOperationException($"Recurrence {recurrenceId} is {rec.Status}, not CRIADA.");
            rec.Journey = journey ?? (rec.JourneyTxid is not null ? "JORNADA_3" : "JORNADA_2");
            payTxid = rec.Journey == "JORNADA_3" ? rec.JourneyTxid : null;
            rec.PayerIspb = "00000000";
            SetRecStatus(rec, "APROVADA");
        }

        if (payTxid is not null && GetChargeStatus(payTxid) == "ATIVA") await PayAsync(payTxid, notify: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await NotifyRecAsync(recurrenceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The payer refuses a recurrence (<c>REJEITADA</c>, code <c>AP13</c> by default), then the rec webhook.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="code">The rejection code.</param>
    /// <param name="cancellationToken">Cancels the webhook delivery.</param>
    public Task<int?> RejectRecurrenceAsync(string recurrenceId, string code = "AP13", CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var rec = RequireRec(recurrenceId);
            if (rec.Status != "CRIADA") throw new InvalidOperationException($"Recurrence {recurrenceId} is {rec.Status}, not CRIADA.");
            rec.EndRequester = null;
            rec.EndCode = code;
            rec.EndIsRejection = true;
            SetRecStatus(rec, "REJEITADA");
        }

        return NotifyRecAsync(recurrenceId, cancellationToken);
    }

    /// <summary>
    /// The payer cancels the mandate in the bank app (<c>CANCELADA</c>, <c>USUARIO_PAGADOR</c>): recurring charges not
    /// yet settled whose first attempt is still ahead are cancelled too. Fires the rec (and cobr) webhooks.
    /// </summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="cancellationToken">Cancels the webhook deliveries.</param>
    public async Task<int?> CancelRecurrenceByPayerAsync(string recurrenceId, CancellationToken cancellationToken = default)
    {
        List<string> touched = [];
        lock (_gate)
        {
            var rec = RequireRec(recurrenceId);
            if (rec.Status is "CANCELADA" or "REJEITADA" or "EXPIRADA") throw new InvalidOperationException($"Recurrence {recurrenceId} is {rec.Status}.");
            rec.EndRequester = "USUARIO_PAGADOR";
            rec.EndCode = "ACCL";
            SetRecStatus(rec, "CANCELADA");
            var today = BrazilTime.Today(_options.TimeProvider);
            foreach (var c in _cobrOrder.Where(c => c.RecurrenceId == recurrenceId && c.Status is "CRIADA" or "ATIVA" && today < c.FirstAttemptDate))
            {
                CancelCobr(c, "USUARIO_PAGADOR", "CCLD");
                touched.Add(c.Txid);
            }
        }

        foreach (var txid in touched) await NotifyCobrAsync(txid, cancellationToken).ConfigureAwait(false);
        return await NotifyRecAsync(recurrenceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The payer cancels one scheduled debit in the bank app; allowed until 23:59 of the day before the attempt
    /// (<see cref="InvalidOperationException"/> after that). The charge becomes <c>CANCELADA</c> (<c>USUARIO_PAGADOR</c>).
    /// </summary>
    /// <param name="txid">The recurring charge.</param>
    /// <param name="cancellationToken">Cancels the webhook delivery.</param>
    public Task<int?> CancelRecurringChargeByPayerAsync(string txid, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_cobrs.TryGetValue(txid, out var c)) throw new InvalidOperationException($"No recurring charge {txid}.");
            var pending = c.Attempts.FirstOrDefault(a => a.Status is "SOLICITADA" or "AGENDADA");
            var today = BrazilTime.Today(_options.TimeProvider);
            if (c.Status is not ("CRIADA" or "ATIVA") || (pending is not null && today >= pending.Date) || (pending is null && today >= c.DueDate))
                throw new InvalidOperationException($"Recurring charge {txid} can no longer be cancelled by the payer.");
            CancelCobr(c, "USUARIO_PAGADOR", "SLBD");
        }

        return NotifyCobrAsync(txid, cancellationToken);
    }

    /// <summary>
    /// Journey 1: the payer answers the confirmation request in the bank app (<c>ACEITA</c> → rec <c>APROVADA</c>, or
    /// <c>REJEITADA</c> → rec <c>REJEITADA</c>), then the rec webhook.
    /// </summary>
    /// <param name="confirmationId">The <c>idSolicRec</c>.</param>
    /// <param name="accept">True to accept.</param>
    /// <param name="cancellationToken">Cancels the webhook delivery.</param>
    public async Task<int?> AnswerRecurrenceConfirmationAsync(string confirmationId, bool accept, CancellationToken cancellationToken = default)
    {
        string recId;
        lock (_gate)
        {
            if (!_solicRecs.TryGetValue(confirmationId, out var s)) throw new InvalidOperationException($"No confirmation request {confirmationId}.");
            if (s.Status is not ("CRIADA" or "ENVIADA" or "RECEBIDA")) throw new InvalidOperationException($"Confirmation {confirmationId} is {s.Status}.");
            SetSolicStatus(s, accept ? "ACEITA" : "REJEITADA");
            recId = s.RecurrenceId;
            var rec = RequireRec(recId);
            if (accept)
            {
                rec.Journey = "JORNADA_1";
                rec.PayerIspb = s.Ispb;
                SetRecStatus(rec, "APROVADA");
            }
            else
            {
                rec.EndCode = "AP14";
                rec.EndIsRejection = true;
                SetRecStatus(rec, "REJEITADA");
            }
        }

        return await NotifyRecAsync(recId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the payer PSP's side up to the sandbox clock: schedules created charges (<c>CRIADA</c> → <c>ATIVA</c> with an
    /// <c>AGND</c> attempt, or <c>REJEITADA</c> for a rejecting payer), settles attempts whose date has come (paid, or
    /// <c>EXPIRADA</c> for a payer without balance), expires charges with no attempt left (no retry policy, or 7
    /// days after the due date), and POSTs each change to <c>{webhookcobr}/cobr</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the webhook deliveries.</param>
    /// <returns>How many charges changed.</returns>
    public async Task<int> RunRecurrenceSchedulerAsync(CancellationToken cancellationToken = default)
    {
        var changed = new List<string>();
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            var today = BrazilTime.Today(_options.TimeProvider);
            foreach (var c in _cobrOrder)
            {
                if (c.Status is "CONCLUIDA" or "CANCELADA" or "REJEITADA" or "EXPIRADA") continue;
                var payer = _recs.TryGetValue(c.RecurrenceId, out var rec) ? rec.DebtorDocument : null;
                var before = c.Status + "/" + string.Join(",", c.Attempts.Select(a => a.Status));
                if (c.Status == "CRIADA")
                {
                    if (payer is not null && _options.RejectingPayers.TryGetValue(payer, out var code))
                    {
                        c.RejectionCode = code;
                        SetCobrStatus(c, "REJEITADA", now);
                    }
                    else
                    {
                        c.Attempts.Add(new SandboxAttempt { Date = c.DueDate, Type = "AGND", Status = "AGENDADA", EndToEndId = NewEndToEndId(now) });
                        SetCobrStatus(c, "ATIVA", now);
                    }
                }

                if (c.Status == "ATIVA")
                {
                    foreach (var a in c.Attempts.Where(a => a.Status is "AGENDADA" or "SOLICITADA" && a.Date <= today))
                    {
                        if (payer is not null && _options.InsufficientFundsPayers.Contains(payer))
                        {
                            a.Status = "EXPIRADA";
                            continue;
                        }

                        a.Status = "PAGA";
                        var paidAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
                        var pix = new SandboxPix
                        {
                            EndToEndId = a.EndToEndId,
                            Txid = c.Txid,
                            Amount = c.Amount,
                            Original = c.Amount,
                            PaidAt = paidAt,
                            Key = _options.Key,
                            PayerInfo = "Pix Automático",
                            PayerCpf = payer,
                            PayerName = rec?.DebtorName,
                        };
                        _pix[pix.EndToEndId] = pix;
                        _pixOrder.Add(pix);
                        c.Payments.Add(pix.EndToEndId);
                        SetCobrStatus(c, "CONCLUIDA", now);
                        break;
                    }

                    if (c.Status == "ATIVA" && !c.Attempts.Any(a => a.Status is "AGENDADA" or "SOLICITADA")
                        && (c.RetryPolicy == "NAO_PERMITE" || today > c.DueDate.AddDays(7) || c.Attempts.Count(a => a.Type == "NTAG") >= 3))
                    {
                        SetCobrStatus(c, "EXPIRADA", now);
                    }
                }

                if (before != c.Status + "/" + string.Join(",", c.Attempts.Select(a => a.Status))) changed.Add(c.Txid);
            }
        }

        foreach (var txid in changed) await NotifyCobrAsync(txid, cancellationToken).ConfigureAwait(false);
        return changed.Count;
    }

    /// <summary>Delivers the rec webhook for a recurrence again. Returns the receiver's status, null without webhook.</summary>
    /// <param name="recurrenceId">The <c>idRec</c>.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<int?> RedeliverRecurrenceWebhookAsync(string recurrenceId, CancellationToken cancellationToken = default) =>
        NotifyRecAsync(recurrenceId, cancellationToken);

    /// <summary>Delivers the cobr webhook for a recurring charge again. Returns the receiver's status, null without webhook.</summary>
    /// <param name="txid">The txid.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<int?> RedeliverRecurringChargeWebhookAsync(string txid, CancellationToken cancellationToken = default) =>
        NotifyCobrAsync(txid, cancellationToken);

    // ------------------------------------------------------------------ routes

    private void ConfigureRecurrence(string p)
    {
        _app.MapPost(p + "/locrec", PostLocRecAsync);
        _app.MapGet(p + "/locrec/{id}", GetLocRecAsync);
        _app.MapDelete(p + "/locrec/{id}/idRec", UnlinkLocRecAsync);
        _app.MapPost(p + "/rec", PostRecAsync);
        _app.MapGet(p + "/rec", ListRecAsync);
        _app.MapGet(p + "/rec/{idRec}", GetRecAsync);
        _app.MapMethods(p + "/rec/{idRec}", ["PATCH"], PatchRecAsync);
        _app.MapPost(p + "/solicrec", PostSolicRecAsync);
        _app.MapGet(p + "/solicrec/{id}", GetSolicRecAsync);
        _app.MapMethods(p + "/solicrec/{id}", ["PATCH"], PatchSolicRecAsync);
        _app.MapPut(p + "/cobr/{txid}", ctx => PutCobrAsync(ctx, RouteValue(ctx, "txid")));
        _app.MapPost(p + "/cobr", ctx => PutCobrAsync(ctx, null));
        _app.MapGet(p + "/cobr", ListCobrAsync);
        _app.MapGet(p + "/cobr/{txid}", GetCobrAsync);
        _app.MapMethods(p + "/cobr/{txid}", ["PATCH"], PatchCobrAsync);
        _app.MapPost(p + "/cobr/{txid}/retentativa/{data}", RetryCobrAsync);
        foreach (var resource in new[] { "webhookrec", "webhookcobr" })
        {
            _app.MapPut(p + "/" + resource, ctx => PutResourceWebhookAsync(ctx, resource));
            _app.MapGet(p + "/" + resource, ctx => GetResourceWebhookAsync(ctx, resource));
            _app.MapDelete(p + "/" + resource, ctx => DeleteResourceWebhookAsync(ctx, resource));
        }
    }

    // ------------------------------------------------------------------ locrec

    private async Task PostLocRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject json;
        lock (_gate)
        {
            var loc = new SandboxLocRec
            {
                Id = ++_nextLocRec,
                Location = $"{RootUrl.Authority}/qr/v2/rec/{Guid.NewGuid():N}",
                CreatedAt = _options.TimeProvider.GetUtcNow(),
            };
            _locRecs[loc.Id] = loc;
            json = LocRecJson(loc);
        }

        await JsonAsync(ctx, 201, json).ConfigureAwait(false);
    }

    private async Task GetLocRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            if (long.TryParse(RouteValue(ctx, "id"), CultureInfo.InvariantCulture, out var id) && _locRecs.TryGetValue(id, out var loc)) json = LocRecJson(loc);
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "PayloadLocationRecNaoEncontrado", "Location não encontrada.", "Nenhuma location encontrada para o id informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task UnlinkLocRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            if (long.TryParse(RouteValue(ctx, "id"), CultureInfo.InvariantCulture, out var id) && _locRecs.TryGetValue(id, out var loc))
            {
                if (loc.RecurrenceId is { } recId && _recs.TryGetValue(recId, out var rec) && rec.LocationId == loc.Id) rec.LocationId = null;
                loc.RecurrenceId = null;
                json = LocRecJson(loc);
            }
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "PayloadLocationRecNaoEncontrado", "Location não encontrada.", "Nenhuma location encontrada para o id informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private static JsonObject LocRecJson(SandboxLocRec l)
    {
        var json = new JsonObject { ["id"] = l.Id, ["location"] = l.Location, ["criacao"] = Rfc3339(l.CreatedAt) };
        if (l.RecurrenceId is not null) json["idRec"] = l.RecurrenceId;
        return json;
    }

    // ------------------------------------------------------------------ rec

    private async Task PostRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        if (ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false)) is not { } body)
        {
            await ProblemAsync(ctx, 400, "RecOperacaoInvalida", "Recorrência inválida.", "O corpo da requisição não é um JSON válido.").ConfigureAwait(false);
            return;
        }

        var violations = new JsonArray();
        var vinculo = body["vinculo"] as JsonObject;
        var devedor = vinculo?["devedor"] as JsonObject;
        var calendario = body["calendario"] as JsonObject;
        var valor = body["valor"] as JsonObject;
        var contrato = Text(vinculo?["contrato"]);
        if (string.IsNullOrEmpty(contrato) || contrato.Length > 35) violations.Add(Violation("O campo rec.vinculo.contrato não respeita o schema.", "rec.vinculo.contrato", null));
        var document = Text(devedor?["cpf"]) ?? Text(devedor?["cnpj"]);
        if (!Document.TryParse(document, out _)) violations.Add(Violation("O objeto rec.vinculo.devedor não respeita o schema.", "rec.vinculo.devedor", null));
        var today = BrazilTime.Today(_options.TimeProvider);
        var start = ParseDate(Text(calendario?["dataInicial"]));
        if (start is null) violations.Add(Violation("O campo rec.calendario.dataInicial não respeita o schema.", "rec.calendario.dataInicial", null));
        else if (start < today) violations.Add(Violation("A data inicial é anterior à data de criação da recorrência.", "rec.calendario.dataInicial", null));
        var endText = Text(calendario?["dataFinal"]);
        var end = ParseDate(endText);
        if (endText is not null && (end is null || end < start)) violations.Add(Violation("A data final é anterior à data inicial.", "rec.calendario.dataFinal", endText));
        var periodicity = Text(calendario?["periodicidade"]);
        if (periodicity is not ("SEMANAL" or "MENSAL" or "TRIMESTRAL" or "SEMESTRAL" or "ANUAL"))
            violations.Add(Violation("O campo rec.calendario.periodicidade não respeita o schema.", "rec.calendario.periodicidade", periodicity));
        var policy = Text(body["politicaRetentativa"]);
        if (policy is not ("NAO_PERMITE" or "PERMITE_3R_7D")) violations.Add(Violation("O campo rec.politicaRetentativa não respeita o schema.", "rec.politicaRetentativa", policy));
        var fixedAmount = valor?["valorRec"] is { } vr ? ParseAmount(vr) ?? -1 : (decimal?)null;
        var minimum = valor?["valorMinimoRecebedor"] is { } vm ? ParseAmount(vm) ?? -1 : (decimal?)null;
        if (fixedAmount is not null && minimum is not null) violations.Add(Violation("Os campos valorRec e valorMinimoRecebedor não podem ser preenchidos ao mesmo tempo.", "rec.valor", null));
        if (fixedAmount is <= 0 || minimum is <= 0) violations.Add(Violation("O campo rec.valor não respeita o schema.", "rec.valor", null));
        var locId = ParseLong(body["loc"]);
        var journeyTxid = Text((body["ativacao"] as JsonObject)?["dadosJornada"]?["txid"]);
        JsonObject? json = null;
        lock (_gate)
        {
            SandboxLocRec? loc = null;
            if (body["loc"] is not null && (locId is null || !_locRecs.TryGetValue(locId.Value, out loc)))
                violations.Add(Violation("A location não existe.", "rec.loc", Text(body["loc"])));
            else if (loc?.RecurrenceId is not null)
                violations.Add(Violation("A location já está em uso.", "rec.loc", Text(body["loc"])));
            if (violations.Count == 0)
            {
                var now = _options.TimeProvider.GetUtcNow();
                var rec = new SandboxRec
                {
                    Id = NewRecId(policy == "PERMITE_3R_7D", now),
                    Contract = contrato!,
                    DebtorDocument = Document.Parse(document!).Value,
                    DebtorName = Text(devedor?["nome"]),
                    Object = Text(vinculo?["objeto"]),
                    StartDate = start!.Value,
                    EndDate = end,
                    Periodicity = periodicity!,
                    FixedAmount = fixedAmount,
                    MinimumAmount = minimum,
                    RetryPolicy = policy!,
                    Agreement = Text((body["recebedor"] as JsonObject)?["convenio"]),
                    LocationId = loc?.Id,
                    JourneyTxid = journeyTxid,
                    CreatedAt = now,
                };
                if (loc is not null) loc.RecurrenceId = rec.Id;
                SetRecStatus(rec, "CRIADA");
                _recs[rec.Id] = rec;
                _recOrder.Add(rec);
                json = RecJson(rec, null);
            }
        }

        if (json is null)
            await ProblemAsync(ctx, 400, "RecOperacaoInvalida", "Recorrência inválida.", "A requisição que busca criar uma recorrência não respeita o schema ou está semanticamente errada.", violations).ConfigureAwait(false);
        else
            await JsonAsync(ctx, 201, json).ConfigureAwait(false);
    }

    private async Task GetRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var id = RouteValue(ctx, "idRec");
        string? txid = ctx.Request.Query["txid"];
        JsonObject? json = null;
        string? invalid = null;
        lock (_gate)
        {
            if (_recs.TryGetValue(id, out var rec))
            {
                string? qrJourney = null;
                string? chargeLocation = null;
                if (txid is not null)
                {
                    if (_charges.TryGetValue(txid, out var charge))
                    {
                        qrJourney = charge.IsDue ? "JORNADA_4" : "JORNADA_3";
                        chargeLocation = charge.Location;
                        if (!charge.IsDue && rec.JourneyTxid != txid) invalid = "O txid informado não corresponde ao txid da jornada 3 da recorrência.";
                    }
                    else
                    {
                        invalid = "Nenhuma cobrança encontrada para o txid informado.";
                    }
                }
                else if (rec.LocationId is not null)
                {
                    qrJourney = "JORNADA_2";
                }

                json = invalid is null ? RecJson(rec, qrJourney is null ? null : (qrJourney, chargeLocation)) : null;
            }
        }

        if (invalid is not null)
            await ProblemAsync(ctx, 400, "RecConsultaInvalida", "Consulta inválida.", invalid).ConfigureAwait(false);
        else if (json is null)
            await ProblemAsync(ctx, 404, "RecNaoEncontrada", "Recorrência não encontrada.", "Nenhuma recorrência encontrada para o idRec informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task ListRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        const string error = "RecConsultaInvalida";
        if (await ReadListQueryAsync(ctx, error) is not { } q) return;
        var query = ctx.Request.Query;
        var violations = new JsonArray();
        var (cpf, cnpj) = DocumentFilter(query, violations);
        var locationPresent = OptionalBool(query["locationPresente"], "locationPresente", violations);
        var status = StatusFilter(query, RecStatuses, violations);
        var agreement = AgreementFilter(query, violations);
        if (await RefusedQueryAsync(ctx, error, violations).ConfigureAwait(false)) return;
        JsonObject json;
        lock (_gate)
        {
            var all = _recOrder.Where(r => r.CreatedAt >= q.From && r.CreatedAt <= q.To)
                .Where(r => MatchesDocument(r.DebtorDocument, cpf, cnpj))
                .Where(r => status is null || r.Status == status)
                .Where(r => locationPresent is null || (r.LocationId is not null) == locationPresent)
                .Where(r => agreement is null || r.Agreement == agreement)
                .ToList();
            json = ListJson(q, all.Count, "recs", all.Skip(q.Page * q.Size).Take(q.Size).Select(r => (JsonNode)RecJson(r, null)));
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task PatchRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var id = RouteValue(ctx, "idRec");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        JsonObject? json = null;
        string? problem = null;
        var found = false;
        lock (_gate)
        {
            if (_recs.TryGetValue(id, out var rec))
            {
                found = true;
                var finished = rec.Status is "REJEITADA" or "CANCELADA" or "EXPIRADA";
                var status = Text(body?["status"]);
                var loc = ParseLong(body?["loc"]);
                var start = ParseDate(Text(body?["calendario"]?["dataInicial"]));
                if (body is null) problem = "O corpo da requisição não é um JSON válido.";
                else if (finished) problem = $"A recorrência está {rec.Status} e não pode ser alterada.";
                else if (status is not null && status != "CANCELADA") problem = "O único status aceito é CANCELADA.";
                else if ((loc is not null || start is not null) && rec.Status != "CRIADA") problem = "loc e dataInicial só podem ser alterados enquanto a recorrência está CRIADA.";
                else if (loc is not null && (!_locRecs.TryGetValue(loc.Value, out var l) || l.RecurrenceId is not null)) problem = "A location não existe ou já está em uso.";
                else
                {
                    if (loc is not null)
                    {
                        if (rec.LocationId is { } old && _locRecs.TryGetValue(old, out var oldLoc)) oldLoc.RecurrenceId = null;
                        _locRecs[loc.Value].RecurrenceId = rec.Id;
                        rec.LocationId = loc;
                    }

                    if (start is not null) rec.StartDate = start.Value;
                    if (Text(body?["vinculo"]?["devedor"]?["nome"]) is { } name) rec.DebtorName = name;
                    if (Text(body?["ativacao"]?["dadosJornada"]?["txid"]) is { } jt) rec.JourneyTxid = jt;
                    if (status == "CANCELADA")
                    {
                        rec.EndRequester = "USUARIO_RECEBEDOR";
                        rec.EndCode = "SLCR";
                        SetRecStatus(rec, "CANCELADA");
                    }

                    json = RecJson(rec, null);
                }
            }
        }

        if (!found)
            await ProblemAsync(ctx, 404, "RecNaoEncontrada", "Recorrência não encontrada.", "Nenhuma recorrência encontrada para o idRec informado.").ConfigureAwait(false);
        else if (problem is not null)
            await ProblemAsync(ctx, 400, "RecOperacaoInvalida", "Operação inválida.", problem).ConfigureAwait(false);
        else
        {
            if (Text(body?["status"]) == "CANCELADA") await NotifyRecAsync(id, ctx.RequestAborted).ConfigureAwait(false);
            await JsonAsync(ctx, 200, json!).ConfigureAwait(false);
        }
    }

    private JsonObject RecJson(SandboxRec r, (string Journey, string? ChargeLocation)? qr)
    {
        var devedor = new JsonObject { [r.DebtorDocument.Length == 14 ? "cnpj" : "cpf"] = r.DebtorDocument };
        if (r.DebtorName is not null) devedor["nome"] = r.DebtorName;
        var calendario = new JsonObject { ["dataInicial"] = Date(r.StartDate), ["periodicidade"] = r.Periodicity };
        if (r.EndDate is { } end) calendario["dataFinal"] = Date(end);
        var json = new JsonObject
        {
            ["idRec"] = r.Id,
            ["vinculo"] = new JsonObject { ["contrato"] = r.Contract, ["devedor"] = devedor, ["objeto"] = r.Object },
            ["calendario"] = calendario,
            ["politicaRetentativa"] = r.RetryPolicy,
            ["recebedor"] = new JsonObject { ["cnpj"] = "12345678000195", ["nome"] = _options.MerchantName },
            ["status"] = r.Status,
            ["atualizacao"] = new JsonArray([.. r.History.Select(h => (JsonNode)new JsonObject { ["status"] = h.Status, ["data"] = Rfc3339(h.At) })]),
        };
        if (r.FixedAmount is { } f) json["valor"] = new JsonObject { ["valorRec"] = Amount(f) };
        else if (r.MinimumAmount is { } m) json["valor"] = new JsonObject { ["valorMinimoRecebedor"] = Amount(m) };
        if (r.LocationId is { } locId && _locRecs.TryGetValue(locId, out var loc))
            json["loc"] = new JsonObject { ["criacao"] = Rfc3339(loc.CreatedAt), ["id"] = loc.Id, ["location"] = loc.Location, ["idRec"] = r.Id };
        var ativacao = new JsonObject { ["tipoJornada"] = r.Journey ?? "AGUARDANDO_DEFINICAO" };
        if (r.JourneyTxid is not null) ativacao["dadosJornada"] = new JsonObject { ["txid"] = r.JourneyTxid };
        json["ativacao"] = ativacao;
        if (r.PayerIspb is not null) json["pagador"] = new JsonObject { [r.DebtorDocument.Length == 14 ? "cnpj" : "cpf"] = r.DebtorDocument, ["ispbParticipante"] = r.PayerIspb };
        if (r.EndCode is not null)
        {
            var closing = new JsonObject { ["codigo"] = r.EndCode };
            if (r.EndRequester is not null) closing["solicitante"] = r.EndRequester;
            json["encerramento"] = new JsonObject { [r.EndIsRejection ? "rejeicao" : "cancelamento"] = closing };
        }

        if (qr is { } q && r.LocationId is { } qrLoc && _locRecs.TryGetValue(qrLoc, out var recLoc))
        {
            json["dadosQR"] = new JsonObject
            {
                ["jornada"] = q.Journey,
                ["pixCopiaECola"] = SandboxBrCode.Composite(q.ChargeLocation, recLoc.Location, _options.MerchantName, _options.MerchantCity),
            };
        }

        return json;
    }

    // ------------------------------------------------------------------ solicrec

    private async Task PostSolicRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        var recId = Text(body?["idRec"]);
        var destinatario = body?["destinatario"] as JsonObject;
        var account = Text(destinatario?["conta"]);
        var ispb = Text(destinatario?["ispbParticipante"]);
        var expires = DateTimeOffset.TryParse(Text(body?["calendario"]?["dataExpiracaoSolicitacao"]), CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : (DateTimeOffset?)null;
        string? problem = null;
        JsonObject? json = null;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            if (recId is null || !_recs.TryGetValue(recId, out var rec)) problem = "A recorrência informada não existe.";
            else if (rec.Status != "CRIADA") problem = $"A recorrência está {rec.Status}.";
            else if (string.IsNullOrEmpty(account) || ispb is not { Length: 8 }) problem = "O objeto destinatario não respeita o schema (conta e ispbParticipante são obrigatórios).";
            else if (expires is { } x && (x <= now || x > now.AddDays(30))) problem = "A data de expiração deve estar entre agora e 30 dias.";
            else if (_solicRecs.Values.Any(s => s.RecurrenceId == recId && s.Status is "CRIADA" or "ENVIADA" or "RECEBIDA")) problem = "Já existe uma solicitação ativa para a recorrência.";
            else
            {
                var s = new SandboxSolicRec
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"SC{_options.Ispb}{now.UtcDateTime:yyyyMMdd}{RandomChars(11)}"),
                    RecurrenceId = recId,
                    Ispb = ispb,
                    Account = account,
                    ExpiresAt = expires ?? now.AddDays(30),
                };
                SetSolicStatus(s, "CRIADA");
                SetSolicStatus(s, "ENVIADA");
                _solicRecs[s.Id] = s;
                json = SolicJson(s);
            }
        }

        if (problem is not null)
            await ProblemAsync(ctx, 400, "SolicRecOperacaoInvalida", "Solicitação inválida.", problem).ConfigureAwait(false);
        else
            await JsonAsync(ctx, 201, json!).ConfigureAwait(false);
    }

    private async Task GetSolicRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            if (_solicRecs.TryGetValue(RouteValue(ctx, "id"), out var s))
            {
                if (s.Status is "CRIADA" or "ENVIADA" or "RECEBIDA" && _options.TimeProvider.GetUtcNow() >= s.ExpiresAt) SetSolicStatus(s, "EXPIRADA");
                json = SolicJson(s);
            }
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "SolicRecNaoEncontrada", "Solicitação não encontrada.", "Nenhuma solicitação encontrada para o id informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task PatchSolicRecAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        JsonObject? json = null;
        string? problem = null;
        var found = false;
        lock (_gate)
        {
            if (_solicRecs.TryGetValue(RouteValue(ctx, "id"), out var s))
            {
                found = true;
                if (Text(body?["status"]) != "CANCELADA") problem = "O único status aceito é CANCELADA.";
                else if (s.Status is not ("CRIADA" or "ENVIADA" or "RECEBIDA")) problem = "Somente solicitações CRIADA, ENVIADA ou RECEBIDA podem ser canceladas.";
                else
                {
                    SetSolicStatus(s, "CANCELADA");
                    json = SolicJson(s);
                }
            }
        }

        if (!found)
            await ProblemAsync(ctx, 404, "SolicRecNaoEncontrada", "Solicitação não encontrada.", "Nenhuma solicitação encontrada para o id informado.").ConfigureAwait(false);
        else if (problem is not null)
            await ProblemAsync(ctx, 400, "SolicRecOperacaoInvalida", "Operação inválida.", problem).ConfigureAwait(false);
        else
            await JsonAsync(ctx, 201, json!).ConfigureAwait(false); // 201, as the spec says
    }

    private static JsonObject SolicJson(SandboxSolicRec s) => new()
    {
        ["idSolicRec"] = s.Id,
        ["idRec"] = s.RecurrenceId,
        ["calendario"] = new JsonObject { ["dataExpiracaoSolicitacao"] = Rfc3339(s.ExpiresAt) },
        ["destinatario"] = new JsonObject { ["conta"] = s.Account, ["ispbParticipante"] = s.Ispb },
        ["status"] = s.Status,
        ["atualizacao"] = new JsonArray([.. s.History.Select(h => (JsonNode)new JsonObject { ["status"] = h.Status, ["data"] = Rfc3339(h.At) })]),
    };

    // ------------------------------------------------------------------ cobr

    private async Task PutCobrAsync(HttpContext ctx, string? txid)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var violations = new JsonArray();
        if (txid is not null && !TxidPattern().IsMatch(txid)) violations.Add(Violation("O campo txid não respeita o schema.", "cobr.txid", txid));
        if (ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false)) is not { } body)
        {
            await ProblemAsync(ctx, 400, "CobROperacaoInvalida", "Cobrança inválida.", "O corpo da requisição não é um JSON válido.").ConfigureAwait(false);
            return;
        }

        var recId = Text(body["idRec"]);
        var due = ParseDate(Text(body["calendario"]?["dataDeVencimento"]));
        var amount = ParseAmount(body["valor"]?["original"]);
        var recebedor = body["recebedor"] as JsonObject;
        if (due is null) violations.Add(Violation("O campo cobr.calendario.dataDeVencimento não respeita o schema.", "cobr.calendario.dataDeVencimento", null));
        if (amount is null or <= 0) violations.Add(Violation("O campo cobr.valor.original não respeita o schema.", "cobr.valor.original", null));
        if (string.IsNullOrEmpty(Text(recebedor?["conta"])) || Text(recebedor?["tipoConta"]) is not ("CORRENTE" or "POUPANCA" or "PAGAMENTO"))
            violations.Add(Violation("O objeto cobr.recebedor não respeita o schema.", "cobr.recebedor", null));
        string? problem = null;
        JsonObject? json = null;
        var status = 201;
        lock (_gate)
        {
            var today = BrazilTime.Today(_options.TimeProvider);
            var now = _options.TimeProvider.GetUtcNow();
            if (violations.Count > 0)
            {
                problem = "A requisição que busca criar uma cobrança recorrente não respeita o schema.";
            }
            else if (txid is not null && _cobrs.TryGetValue(txid, out var existing))
            {
                if (existing.RecurrenceId == recId && existing.DueDate == due && existing.Amount == amount && !_options.RejectRepeatedPut)
                {
                    json = CobrJson(existing);
                    status = 200;
                }
                else
                {
                    problem = "O txid informado já foi utilizado.";
                }
            }
            else if (recId is null || !_recs.TryGetValue(recId, out var rec))
            {
                problem = "A recorrência informada não existe.";
            }
            else if (rec.Status != "APROVADA")
            {
                problem = $"A recorrência está {rec.Status}; só é possível criar cobranças para recorrências APROVADA.";
            }
            else if (due!.Value < today.AddDays(_options.RecurringChargeMinDaysAhead) || due.Value > today.AddDays(_options.RecurringChargeMaxDaysAhead))
            {
                problem = $"A data de vencimento deve estar entre {_options.RecurringChargeMinDaysAhead} e {_options.RecurringChargeMaxDaysAhead} dias da data de criação.";
            }
            else if (rec.FixedAmount is { } fixedAmount && fixedAmount != amount)
            {
                problem = "O valor da cobrança difere do valor da recorrência.";
            }
            else if (_cobrOrder.Any(c => c.RecurrenceId == recId && c.Status is not ("REJEITADA" or "CANCELADA") && SameCycle(rec.Periodicity, c.DueDate, due.Value)))
            {
                problem = "Já existe uma cobrança recorrente para o mesmo ciclo.";
            }
            else
            {
                var c = new SandboxCobr
                {
                    Txid = txid ?? RandomChars(32),
                    RecurrenceId = recId,
                    DueDate = due.Value,
                    Amount = amount!.Value,
                    RetryPolicy = rec.RetryPolicy,
                    CreatedAt = now,
                    Account = Text(recebedor?["conta"])!,
                    AccountType = Text(recebedor?["tipoConta"])!,
                    Information = Text(body["infoAdicional"]),
                };
                SetCobrStatus(c, "CRIADA", now);
                _cobrs[c.Txid] = c;
                _cobrOrder.Add(c);
                json = CobrJson(c);
            }
        }

        if (problem is not null)
            await ProblemAsync(ctx, 400, "CobROperacaoInvalida", "Cobrança inválida.", problem, violations).ConfigureAwait(false);
        else
            await JsonAsync(ctx, status, json!).ConfigureAwait(false);
    }

    private static bool SameCycle(string periodicity, DateOnly a, DateOnly b) => periodicity switch
    {
        "SEMANAL" => Math.Abs(a.DayNumber - b.DayNumber) < 7,
        "ANUAL" => a.Year == b.Year,
        "SEMESTRAL" => a.Year == b.Year && (a.Month - 1) / 6 == (b.Month - 1) / 6,
        "TRIMESTRAL" => a.Year == b.Year && (a.Month - 1) / 3 == (b.Month - 1) / 3,
        _ => a.Year == b.Year && a.Month == b.Month,
    };

    private async Task GetCobrAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            if (_cobrs.TryGetValue(RouteValue(ctx, "txid"), out var c)) json = CobrJson(c);
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "CobRNaoEncontrado", "Cobrança não encontrada.", "Nenhuma cobrança recorrente encontrada para o txid informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task ListCobrAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        const string error = "CobRConsultaInvalida";
        if (await ReadListQueryAsync(ctx, error) is not { } q) return;
        var query = ctx.Request.Query;
        var violations = new JsonArray();
        string? recId = query["idRec"];
        if (recId is not null && !RecIdPattern().IsMatch(recId)) violations.Add(Violation("O parâmetro idRec não respeita o schema.", "idRec", recId));
        var (cpf, cnpj) = DocumentFilter(query, violations);
        var status = StatusFilter(query, CobrStatuses, violations);
        var agreement = AgreementFilter(query, violations);
        if (await RefusedQueryAsync(ctx, error, violations).ConfigureAwait(false)) return;
        JsonObject json;
        lock (_gate)
        {
            // A cobr has no payer document or agreement of its own: both are its recurrence's (vinculo.devedor, recebedor.convenio).
            var all = _cobrOrder.Where(c => c.CreatedAt >= q.From && c.CreatedAt <= q.To)
                .Where(c => recId is null || c.RecurrenceId == recId)
                .Where(c => status is null || c.Status == status)
                .Where(c => (cpf is null && cnpj is null && agreement is null)
                    || (_recs.TryGetValue(c.RecurrenceId, out var r) && MatchesDocument(r.DebtorDocument, cpf, cnpj) && (agreement is null || r.Agreement == agreement)))
                .ToList();
            json = ListJson(q, all.Count, "cobsr", all.Skip(q.Page * q.Size).Take(q.Size).Select(c => (JsonNode)CobrJson(c)));
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task PatchCobrAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var txid = RouteValue(ctx, "txid");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        string? problem = null;
        JsonObject? json = null;
        var found = false;
        lock (_gate)
        {
            if (_cobrs.TryGetValue(txid, out var c))
            {
                found = true;
                var today = BrazilTime.Today(_options.TimeProvider);
                if (Text(body?["status"]) != "CANCELADA") problem = "O único status aceito é CANCELADA.";
                else if (c.Status is not ("CRIADA" or "ATIVA")) problem = $"A cobrança está {c.Status} e não pode ser cancelada.";
                else if (today >= c.FirstAttemptDate) problem = "Não é possível cancelar uma cobrança em uma data igual ou maior que a data prevista da primeira tentativa de liquidação.";
                else
                {
                    CancelCobr(c, "USUARIO_RECEBEDOR", "SLCR");
                    json = CobrJson(c);
                }
            }
        }

        if (!found)
            await ProblemAsync(ctx, 404, "CobRNaoEncontrado", "Cobrança não encontrada.", "Nenhuma cobrança recorrente encontrada para o txid informado.").ConfigureAwait(false);
        else if (problem is not null)
            await ProblemAsync(ctx, 400, "CobROperacaoInvalida", "Operação inválida.", problem).ConfigureAwait(false);
        else
        {
            await NotifyCobrAsync(txid, ctx.RequestAborted).ConfigureAwait(false);
            await JsonAsync(ctx, 200, json!).ConfigureAwait(false);
        }
    }

    private async Task RetryCobrAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var txid = RouteValue(ctx, "txid");
        var date = ParseDate(RouteValue(ctx, "data"));
        string? problem = null;
        JsonObject? json = null;
        var found = false;
        lock (_gate)
        {
            if (_cobrs.TryGetValue(txid, out var c))
            {
                found = true;
                var today = BrazilTime.Today(_options.TimeProvider);
                if (date is null) problem = "A data informada não respeita o formato YYYY-MM-DD.";
                else if (c.RetryPolicy != "PERMITE_3R_7D") problem = "A política configurada na recorrência não permite retentativa de cobrança.";
                else if (c.Status != "ATIVA") problem = $"A cobrança está {c.Status}.";
                else if (c.Attempts.Any(a => a.Status is "SOLICITADA" or "AGENDADA")) problem = "Já existe uma tentativa de liquidação solicitada ou agendada para a cobrança.";
                else if (c.Attempts.Any(a => a.Date == date)) problem = "Já existe uma tentativa de liquidação para a data informada.";
                else if (date <= today) problem = "A data da retentativa deve ser futura.";
                else if (date > c.DueDate.AddDays(7)) problem = "A retentativa deve ocorrer em até 7 dias corridos após a data de vencimento.";
                else if (c.Attempts.Count(a => a.Type == "NTAG") >= 3) problem = "O número máximo de retentativas (3) foi atingido.";
                else
                {
                    c.Attempts.Add(new SandboxAttempt { Date = date.Value, Type = "NTAG", Status = "AGENDADA", EndToEndId = NewEndToEndId(_options.TimeProvider.GetUtcNow()) });
                    json = CobrJson(c);
                }
            }
        }

        if (!found)
            await ProblemAsync(ctx, 404, "CobRNaoEncontrado", "Cobrança não encontrada.", "Nenhuma cobrança recorrente encontrada para o txid informado.").ConfigureAwait(false);
        else if (problem is not null)
            await ProblemAsync(ctx, 400, "CobROperacaoInvalida", "Operação inválida.", problem).ConfigureAwait(false);
        else
            await JsonAsync(ctx, 201, json!).ConfigureAwait(false);
    }

    private JsonObject CobrJson(SandboxCobr c)
    {
        var json = new JsonObject
        {
            ["idRec"] = c.RecurrenceId,
            ["txid"] = c.Txid,
            ["calendario"] = new JsonObject { ["criacao"] = Date(DateOnly.FromDateTime(c.CreatedAt.UtcDateTime)), ["dataDeVencimento"] = Date(c.DueDate) },
            ["valor"] = new JsonObject { ["original"] = Amount(c.Amount) },
            ["status"] = c.Status,
            ["politicaRetentativa"] = c.RetryPolicy,
            ["ajusteDiaUtil"] = true,
            ["recebedor"] = new JsonObject { ["cnpj"] = "12345678000195", ["conta"] = c.Account, ["tipoConta"] = c.AccountType },
            ["atualizacao"] = new JsonArray([.. c.History.Select(h => (JsonNode)new JsonObject { ["status"] = h.Status, ["data"] = Rfc3339(h.At) })]),
        };
        if (c.Information is not null) json["infoAdicional"] = c.Information;
        if (c.Attempts.Count > 0)
        {
            json["tentativas"] = new JsonArray([.. c.Attempts.Select(a =>
            {
                var t = new JsonObject { ["dataLiquidacao"] = Date(a.Date), ["tipo"] = a.Type, ["endToEndId"] = a.EndToEndId, ["status"] = a.Status };
                return (JsonNode)t;
            })]);
        }

        if (c.CancelledBy is not null)
            json["encerramento"] = new JsonObject { ["cancelamento"] = new JsonObject { ["solicitante"] = c.CancelledBy, ["codigo"] = c.CancellationCode } };
        else if (c.RejectionCode is not null)
            json["encerramento"] = new JsonObject { ["rejeicao"] = new JsonObject { ["codigo"] = c.RejectionCode } };
        if (c.Payments.Count > 0)
            json["pix"] = new JsonArray([.. c.Payments.Where(_pix.ContainsKey).Select(e => (JsonNode)PixJson(_pix[e]))]);
        return json;
    }

    private void CancelCobr(SandboxCobr c, string requester, string code)
    {
        foreach (var a in c.Attempts.Where(a => a.Status is "SOLICITADA" or "AGENDADA")) a.Status = "CANCELADA";
        c.CancelledBy = requester;
        c.CancellationCode = code;
        c.Status = "CANCELADA";
        c.History.Add(("CANCELADA", _options.TimeProvider.GetUtcNow()));
    }

    // ------------------------------------------------------------------ webhookrec / webhookcobr

    private async Task PutResourceWebhookAsync(HttpContext ctx, string resource)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var url = Text(ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false))?["webhookUrl"]);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            await ProblemAsync(ctx, 400, resource == "webhookrec" ? "WebhookRecOperacaoInvalida" : "WebhookCobROperacaoInvalida", "Webhook inválido.",
                "A webhookUrl deve ser uma URL https absoluta.").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            if (resource == "webhookrec") (_webhookRec, _webhookRecAt) = (uri.AbsoluteUri, now);
            else (_webhookCobr, _webhookCobrAt) = (uri.AbsoluteUri, now);
        }

        ctx.Response.StatusCode = 200;
    }

    private async Task GetResourceWebhookAsync(HttpContext ctx, string resource)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        JsonObject? json;
        lock (_gate)
        {
            var (url, at) = resource == "webhookrec" ? (_webhookRec, _webhookRecAt) : (_webhookCobr, _webhookCobrAt);
            json = url is null ? null : new JsonObject { ["webhookUrl"] = url, ["criacao"] = Rfc3339(at) };
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "NaoEncontrado", "Webhook não encontrado.", "Nenhum webhook configurado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task DeleteResourceWebhookAsync(HttpContext ctx, string resource)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        bool removed;
        lock (_gate)
        {
            removed = (resource == "webhookrec" ? _webhookRec : _webhookCobr) is not null;
            if (resource == "webhookrec") _webhookRec = null;
            else _webhookCobr = null;
        }

        if (!removed)
            await ProblemAsync(ctx, 404, "NaoEncontrado", "Webhook não encontrado.", "Nenhum webhook configurado.").ConfigureAwait(false);
        else
            ctx.Response.StatusCode = 204;
    }

    private Task<int?> NotifyRecAsync(string recurrenceId, CancellationToken cancellationToken)
    {
        string? url;
        string body;
        lock (_gate)
        {
            url = _webhookRec;
            var rec = RequireRec(recurrenceId);
            var item = new JsonObject
            {
                ["idRec"] = rec.Id,
                ["status"] = rec.Status,
                ["atualizacao"] = new JsonArray([.. rec.History.Select(h => (JsonNode)new JsonObject { ["status"] = h.Status, ["data"] = Rfc3339(h.At) })]),
            };
            body = new JsonObject { ["recs"] = new JsonArray(item) }.ToJsonString();
        }

        return url is null ? Task.FromResult<int?>(null) : PostCallbackAsync(url, "rec", body, cancellationToken);
    }

    private Task<int?> NotifyCobrAsync(string txid, CancellationToken cancellationToken)
    {
        string? url;
        string body;
        lock (_gate)
        {
            url = _webhookCobr;
            if (!_cobrs.TryGetValue(txid, out var c)) throw new InvalidOperationException($"No recurring charge {txid}.");
            var item = new JsonObject { ["idRec"] = c.RecurrenceId, ["txid"] = c.Txid, ["status"] = c.Status };
            body = new JsonObject { ["cobsr"] = new JsonArray(item) }.ToJsonString();
        }

        return url is null ? Task.FromResult<int?>(null) : PostCallbackAsync(url, "cobr", body, cancellationToken);
    }

    private async Task<int?> PostCallbackAsync(string url, string suffix, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _webhookClient.PostAsync(new Uri(url.TrimEnd('/') + "/" + suffix), content, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    // ------------------------------------------------------------------ helpers

    private SandboxRec RequireRec(string id) =>
        _recs.TryGetValue(id, out var rec) ? rec : throw new InvalidOperationException($"No recurrence {id}.");

    private void SetRecStatus(SandboxRec rec, string status)
    {
        rec.Status = status;
        rec.History.Add((status, _options.TimeProvider.GetUtcNow()));
    }

    private void SetSolicStatus(SandboxSolicRec s, string status)
    {
        s.Status = status;
        s.History.Add((status, _options.TimeProvider.GetUtcNow()));
    }

    private static void SetCobrStatus(SandboxCobr c, string status, DateTimeOffset at)
    {
        c.Status = status;
        c.History.Add((status, at));
    }

    private string NewRecId(bool retries, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"R{(retries ? 'R' : 'N')}{_options.Ispb}{now.UtcDateTime:yyyyMMdd}{RandomChars(11)}");

    private static string RandomChars(int count)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(count, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        });
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static long? ParseLong(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record ListQuery(DateTimeOffset From, DateTimeOffset To, int Page, int Size);

    private static async Task<ListQuery?> ReadListQueryAsync(HttpContext ctx, string errorType)
    {
        var q = ctx.Request.Query;
        if (!DateTimeOffset.TryParse(q["inicio"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTimeOffset.TryParse(q["fim"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            await ProblemAsync(ctx, 400, errorType, "Consulta inválida.", "Os parâmetros inicio e fim (RFC 3339) são obrigatórios.").ConfigureAwait(false);
            return null;
        }

        var page = int.TryParse(q["paginacao.paginaAtual"], CultureInfo.InvariantCulture, out var pg) ? pg : 0;
        var size = int.TryParse(q["paginacao.itensPorPagina"], CultureInfo.InvariantCulture, out var sz) ? sz : 100;
        if (page < 0 || size is < 1 or > 1000 || (q.ContainsKey("cpf") && q.ContainsKey("cnpj")))
        {
            await ProblemAsync(ctx, 400, errorType, "Consulta inválida.", "Paginação inválida, ou cpf e cnpj ao mesmo tempo.").ConfigureAwait(false);
            return null;
        }

        if (to < from)
        {
            await ProblemAsync(ctx, 400, errorType, "Consulta inválida.", "O timestamp representado pelo parâmetro fim é anterior ao representado pelo parâmetro inicio.",
                new JsonArray(Violation("fim é anterior a inicio.", "fim", q["fim"].ToString()))).ConfigureAwait(false);
            return null;
        }

        return new ListQuery(from, to, page, size);
    }

    private static JsonObject ListJson(ListQuery q, int total, string name, IEnumerable<JsonNode> items) => new()
    {
        ["parametros"] = new JsonObject
        {
            ["inicio"] = Rfc3339(q.From),
            ["fim"] = Rfc3339(q.To),
            ["paginacao"] = new JsonObject
            {
                ["paginaAtual"] = q.Page,
                ["itensPorPagina"] = q.Size,
                ["quantidadeDePaginas"] = (total + q.Size - 1) / q.Size,
                ["quantidadeTotalDeItens"] = total,
            },
        },
        [name] = new JsonArray([.. items]),
    };

    // RecId (2.9.0): "R", R|N, an 8-character agent id, yyyyMMdd and 11 characters.
    [GeneratedRegex("^[a-zA-Z0-9]{29}$")]
    private static partial Regex RecIdPattern();
}
