using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cobranca.Connectors.Testing.Pix;

/// <summary>
/// A BACEN API Pix PSP on Kestrel at <c>127.0.0.1</c> (ephemeral port), for tests, samples and demos: OAuth2
/// <c>client_credentials</c> token endpoint (checks client id/secret, tokens expire), <c>cob</c>, <c>cobv</c>,
/// <c>pix</c>, devolução and webhook resources with RFC 7807 errors and <c>violacoes</c>, txid validation, status
/// transitions, paging, a <see cref="PayAsync"/> control that settles a charge and fires the webhook
/// (<c>POST {webhookUrl}/pix</c>), fault injection and a request log.
/// </summary>
/// <remarks>
/// Plain HTTP on loopback: mTLS is not enforced (a client certificate is accepted and ignored). A <c>cobv</c> paid late
/// is charged fine and interest per its modalities (business-day modalities counted over calendar days), one paid
/// early gets its discount; the due date is not moved off weekends or holidays.
/// </remarks>
public sealed partial class PixPspSandbox : IAsyncDisposable
{
    private const string ErrorBase = "https://pix.bcb.gov.br/api/v2/error/";
    private readonly WebApplication _app;
    private readonly PixPspSandboxOptions _options;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxCharge> _charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxPix> _pix = new(StringComparer.Ordinal);
    private readonly List<SandboxPix> _pixOrder = [];
    private readonly Dictionary<string, (string Url, DateTimeOffset CreatedAt)> _webhooks = new(StringComparer.Ordinal);
    private readonly SandboxTokens _tokens = new();
    private readonly SandboxFaults<PixSandboxFault> _faults = new();
    private readonly ConcurrentQueue<PixSandboxRequest> _requests = new();
    private long _nextLocation = 1000;

    private PixPspSandbox(WebApplication app, PixPspSandboxOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Root URL of the server, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri RootUrl { get; private set; } = null!;

    /// <summary>API base URL including the path prefix, e.g. <c>http://127.0.0.1:54321/v2/</c> (use as <c>PixClientOptions.BaseUrl</c>).</summary>
    public Uri BaseUrl => new(RootUrl, _options.PathPrefix.Trim('/') + "/");

    /// <summary>Token URL (<c>/oauth/token</c>).</summary>
    public Uri TokenUrl => new(RootUrl, "oauth/token");

    /// <summary>The accepted client id.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The accepted client secret.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>The receiver's Pix key.</summary>
    public string Key => _options.Key;

    /// <summary>How many tokens the token endpoint issued.</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<PixSandboxRequest> Requests => [.. _requests];

    /// <summary>Starts a sandbox on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="options">Settings; default values when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PixPspSandbox> StartAsync(PixPspSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PixPspSandboxOptions();
        PixPspSandbox? sandbox = null;
        var (_, root) = await LoopbackHost.StartAsync(a =>
        {
            sandbox = new PixPspSandbox(a, options);
            sandbox.Configure();
        }, cancellationToken).ConfigureAwait(false);
        sandbox!.RootUrl = root;
        return sandbox;
    }

    /// <summary>Adds a fault for the next matching requests.</summary>
    /// <param name="fault">The fault.</param>
    public void InjectFault(PixSandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Add(fault, fault.Times);
    }

    /// <summary>Removes all pending faults.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Forgets the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Invalidates every issued token (the next API call gets 401, as after a revocation).</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>The current status of a charge (<c>ATIVA</c>, <c>CONCLUIDA</c>…), or null when unknown.</summary>
    /// <param name="txid">The txid.</param>
    public string? GetChargeStatus(string txid)
    {
        lock (_gate)
        {
            SettleBatches();
            return _charges.TryGetValue(txid, out var c) ? c.Status : null;
        }
    }

    /// <summary>
    /// Pays an active charge as a payer would: marks it <c>CONCLUIDA</c>, records a Pix with a new end-to-end id and,
    /// when a webhook is registered for the charge's key and <paramref name="notify"/> is true, POSTs
    /// <c>{"pix":[…]}</c> to <c>{webhookUrl}/pix</c> and waits for the answer. A <c>cobv</c> paid after its due date
    /// is charged its fine and interest, one paid early gets its discount (see <c>componentesValor</c>).
    /// </summary>
    /// <param name="txid">The charge to pay.</param>
    /// <param name="notify">False to "lose" the callback (for reconciliation tests).</param>
    /// <param name="paidAt">When the payer pays; default now (sandbox clock).</param>
    /// <param name="cancellationToken">Cancels the webhook delivery.</param>
    /// <exception cref="InvalidOperationException">Unknown txid, the charge is not <c>ATIVA</c>, or a <c>cobv</c> is past its validity.</exception>
    public async Task<PixSandboxPayment> PayAsync(string txid, bool notify = true, DateTimeOffset? paidAt = null, CancellationToken cancellationToken = default)
    {
        SandboxPix pix;
        lock (_gate)
        {
            SettleBatches();
            if (!_charges.TryGetValue(txid, out var charge)) throw new InvalidOperationException($"No charge with txid {txid}.");
            if (charge.Status != "ATIVA") throw new InvalidOperationException($"Charge {txid} is {charge.Status}, not ATIVA.");
            var now = paidAt ?? _options.TimeProvider.GetUtcNow();
            now = now.ToUniversalTime();
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)); // the wire carries milliseconds
            decimal fine = 0, interest = 0, discount = 0;
            if (charge.IsDue)
            {
                var due = DateOnly.ParseExact(charge.DueDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var paidOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, BrazilTime.Zone).DateTime);
                if (paidOn > due.AddDays(charge.ValidityAfterDue ?? 30))
                    throw new InvalidOperationException($"Charge {txid} can no longer be paid (due {charge.DueDate}, validity {charge.ValidityAfterDue} days).");
                (fine, interest, discount) = SandboxDueAmount.Components(charge.Amount, due, paidOn, charge.ValueExtras);
            }

            pix = new SandboxPix
            {
                EndToEndId = NewEndToEndId(now),
                Txid = txid,
                Amount = charge.Amount + fine + interest - discount,
                Original = charge.Amount,
                Fine = fine,
                Interest = interest,
                Discount = discount,
                PaidAt = now,
                Key = charge.Key,
                PayerInfo = "Pagamento da fatura",
                PayerCpf = "12345678909",
                PayerName = "Maria da Silva",
            };
            charge.Status = "CONCLUIDA";
            charge.Payments.Add(pix.EndToEndId);
            _pix[pix.EndToEndId] = pix;
            _pixOrder.Add(pix);
        }

        int? status = notify ? await NotifyAsync(pix, cancellationToken).ConfigureAwait(false) : null;
        return new PixSandboxPayment(pix.EndToEndId, txid, pix.Amount, pix.PaidAt, status);
    }

    /// <summary>Delivers the callback for an existing Pix again (PSPs do redeliver). Returns the receiver's status, null without webhook.</summary>
    /// <param name="endToEndId">The Pix.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<int?> RedeliverWebhookAsync(string endToEndId, CancellationToken cancellationToken = default)
    {
        SandboxPix pix;
        lock (_gate)
        {
            if (!_pix.TryGetValue(endToEndId, out pix!)) throw new InvalidOperationException($"No Pix {endToEndId}.");
        }

        return NotifyAsync(pix, cancellationToken);
    }

    private async Task<int?> NotifyAsync(SandboxPix pix, CancellationToken cancellationToken)
    {
        string? url;
        string body;
        lock (_gate)
        {
            url = _webhooks.TryGetValue(pix.Key, out var hook) ? hook.Url : null;
            body = new JsonObject { ["pix"] = new JsonArray(PixJson(pix)) }.ToJsonString();
        }

        if (url is null) return null;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _webhookClient.PostAsync(new Uri(url.TrimEnd('/') + "/pix"), content, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private string NewEndToEndId(DateTimeOffset now)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> random = stackalloc char[11];
        for (var i = 0; i < random.Length; i++) random[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"E{_options.Ispb}{now.UtcDateTime:yyyyMMddHHmm}{random}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _webhookClient.Dispose();
    }

    // ------------------------------------------------------------------ pipeline

    private void Configure()
    {
        _app.Use(LogAndFaultsAsync);
        _app.UseRouting();
        _app.MapPost("/oauth/token", TokenAsync);
        var p = "/" + _options.PathPrefix.Trim('/');
        _app.MapPut(p + "/cob/{txid}", ctx => CreateChargeAsync(ctx, due: false, RouteValue(ctx, "txid")));
        _app.MapPost(p + "/cob", ctx => CreateChargeAsync(ctx, due: false, txid: null));
        _app.MapGet(p + "/cob/{txid}", ctx => GetChargeAsync(ctx, due: false));
        _app.MapMethods(p + "/cob/{txid}", ["PATCH"], ctx => PatchChargeAsync(ctx, due: false));
        _app.MapPut(p + "/cobv/{txid}", ctx => CreateChargeAsync(ctx, due: true, RouteValue(ctx, "txid")));
        _app.MapGet(p + "/cobv/{txid}", ctx => GetChargeAsync(ctx, due: true));
        _app.MapMethods(p + "/cobv/{txid}", ["PATCH"], ctx => PatchChargeAsync(ctx, due: true));
        _app.MapGet(p + "/pix", ListPixAsync);
        _app.MapGet(p + "/pix/{e2eid}", GetPixAsync);
        _app.MapPut(p + "/pix/{e2eid}/devolucao/{id}", PutRefundAsync);
        _app.MapGet(p + "/pix/{e2eid}/devolucao/{id}", GetRefundAsync);
        _app.MapPut(p + "/webhook/{chave}", PutWebhookAsync);
        _app.MapGet(p + "/webhook/{chave}", GetWebhookAsync);
        _app.MapDelete(p + "/webhook/{chave}", DeleteWebhookAsync);
        ConfigureRecurrence(p);
        ConfigureBatches(p);
        ConfigureLists(p);
    }

    private static string RouteValue(HttpContext ctx, string name) => Uri.UnescapeDataString(ctx.Request.RouteValues[name]?.ToString() ?? string.Empty);

    private async Task LogAndFaultsAsync(HttpContext ctx, Func<Task> next)
    {
        var request = ctx.Request;
        var body = await SandboxExchange.ReadBodyAsync(ctx).ConfigureAwait(false);
        var path = request.Path + request.QueryString;
        var scheme = SandboxExchange.AuthorizationScheme(request);
        var logged = request.Path.StartsWithSegments("/oauth") ? string.Empty : body;
        var log = SandboxExchange.RecordOnce(ctx, status =>
            _requests.Enqueue(new PixSandboxRequest(request.Method, path, logged, scheme, status, _options.TimeProvider.GetUtcNow())));
        try
        {
            lock (_gate) SettleBatches();
            var fault = _faults.Take(f => SandboxFaults<PixSandboxFault>.Matches(f.Method, f.PathContains, request.Method, path));
            switch (fault?.Kind)
            {
                case PixSandboxFaultKind.Latency:
                    await Task.Delay(fault.Delay, ctx.RequestAborted).ConfigureAwait(false);
                    await next().ConfigureAwait(false);
                    break;
                case PixSandboxFaultKind.ServerError:
                    await ProblemAsync(ctx, fault.StatusCode, fault.StatusCode == 503 ? "ServicoIndisponivel" : "ErroInternoDoServidor",
                        "Serviço indisponível.", "Falha simulada pelo sandbox.").ConfigureAwait(false);
                    break;
                case PixSandboxFaultKind.TooManyRequests:
                    ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await ProblemAsync(ctx, 429, "LimiteExcedido", "Muitas requisições.", "Tente novamente mais tarde.").ConfigureAwait(false);
                    break;
                case PixSandboxFaultKind.MalformedBody:
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("{\"txid\":\"abc\",\"valor\":{\"orig", ctx.RequestAborted).ConfigureAwait(false);
                    break;
                case PixSandboxFaultKind.ConnectionReset:
                    log(0);
                    ctx.Abort();
                    break;
                case PixSandboxFaultKind.ResponseLost:
                    await SandboxExchange.ProcessThenDropAsync(ctx, next, log).ConfigureAwait(false);
                    break;
                default:
                    await next().ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            log(SandboxExchange.FinalStatus(ctx));
        }
    }

    // ------------------------------------------------------------------ OAuth

    private async Task TokenAsync(HttpContext ctx)
    {
        var (id, secret) = SandboxTokens.FromBasic(ctx.Request.Headers.Authorization.ToString());
        string? grant = null;

        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            grant = form["grant_type"];
            id ??= form["client_id"];
            secret ??= form["client_secret"];
        }
        else
        {
            var json = await ReadJsonAsync(ctx).ConfigureAwait(false);
            grant = (json as JsonObject)?["grant_type"]?.GetValue<string>();
        }

        if (grant != "client_credentials")
        {
            await JsonAsync(ctx, 400, new JsonObject { ["error"] = "unsupported_grant_type" }).ConfigureAwait(false);
            return;
        }

        if (id != _options.ClientId || secret != _options.ClientSecret)
        {
            await JsonAsync(ctx, 401, new JsonObject { ["error"] = "invalid_client" }).ConfigureAwait(false);
            return;
        }

        var token = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray());
        _tokens.Add(token, _options.TimeProvider.GetUtcNow() + _options.TokenLifetime);
        await JsonAsync(ctx, 200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds,
            ["scope"] = "cob.write cob.read cobv.write cobv.read pix.write pix.read webhook.write webhook.read rec.write rec.read cobr.write cobr.read",
        }).ConfigureAwait(false);
    }

    private async Task<bool> AuthorizedAsync(HttpContext ctx)
    {
        var ok = SandboxTokens.BearerOf(ctx.Request.Headers.Authorization.ToString()) is { } token && _tokens.IsValid(token, _options.TimeProvider);
        if (!ok) await ProblemAsync(ctx, 401, "AcessoNegado", "Acesso negado.", "Token ausente, inválido ou expirado.").ConfigureAwait(false);
        return ok;
    }

    // ------------------------------------------------------------------ cob / cobv

    private async Task CreateChargeAsync(HttpContext ctx, bool due, string? txid)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var kind = due ? "cobv" : "cob";
        var type = due ? "CobVOperacaoInvalida" : "CobOperacaoInvalida";
        var violations = new JsonArray();
        if (txid is not null && !TxidPattern().IsMatch(txid))
            violations.Add(Violation("O campo txid não respeita o schema.", $"{kind}.txid", txid));
        var raw = await ReadBodyAsync(ctx).ConfigureAwait(false);
        if (ParseObject(raw) is not { } body)
        {
            await ProblemAsync(ctx, 400, type, "Cobrança inválida.", "O corpo da requisição não é um JSON válido.").ConfigureAwait(false);
            return;
        }

        var calendario = body["calendario"] as JsonObject;
        var valor = body["valor"] as JsonObject;
        var original = ParseAmount(valor?["original"]);
        if (original is null || original <= 0) violations.Add(Violation("O campo valor.original não respeita o schema.", $"{kind}.valor.original", Text(valor?["original"])));
        var key = Text(body["chave"]);
        if (key != _options.Key) violations.Add(Violation("A chave não pertence ao usuário recebedor.", $"{kind}.chave", key));
        int? expiration = null;
        string? dueDate = null;
        int? validity = null;
        if (due)
        {
            dueDate = Text(calendario?["dataDeVencimento"]);
            if (!DateOnly.TryParseExact(dueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                violations.Add(Violation("O campo calendario.dataDeVencimento não respeita o schema.", "cobv.calendario.dataDeVencimento", dueDate));
            validity = ParseInt(calendario?["validadeAposVencimento"]);
            if (calendario?["validadeAposVencimento"] is not null && validity is null or < 0)
                violations.Add(Violation("O campo calendario.validadeAposVencimento não respeita o schema.", "cobv.calendario.validadeAposVencimento", null));
            var devedor = body["devedor"] as JsonObject;
            if (devedor is null || (Text(devedor["cpf"]) is null && Text(devedor["cnpj"]) is null) || Text(devedor["nome"]) is null)
                violations.Add(Violation("O devedor (cpf ou cnpj e nome) é obrigatório.", "cobv.devedor", null));
            CheckModalidade(valor?["multa"], "multa", 1, 2, violations);
            CheckModalidade(valor?["juros"], "juros", 1, 8, violations);
            CheckModalidade(valor?["abatimento"], "abatimento", 1, 2, violations);
            CheckModalidade(valor?["desconto"], "desconto", 1, 6, violations);
        }
        else
        {
            expiration = ParseInt(calendario?["expiracao"]);
            if (calendario?["expiracao"] is not null && expiration is null or < 1)
                violations.Add(Violation("O campo calendario.expiracao não respeita o schema.", "cob.calendario.expiracao", Text(calendario?["expiracao"])));
        }

        if (violations.Count > 0)
        {
            await ProblemAsync(ctx, 400, type, "Cobrança inválida.",
                "A requisição que busca criar a cobrança não respeita o schema ou está semanticamente errada.", violations).ConfigureAwait(false);
            return;
        }

        SandboxCharge? charge;
        lock (_gate)
        {
            txid ??= Guid.NewGuid().ToString("N");
            if (_charges.TryGetValue(txid, out var existing))
            {
                // The same PUT repeated (a client retry) is the same charge; anything else reuses a txid.
                charge = existing.IsDue == due && existing.RequestBody == raw && !_options.RejectRepeatedPut ? existing : null;
            }
            else
            {
                var location = $"{RootUrl.Authority}/qr/v2/{(due ? "cobv/" : string.Empty)}{Guid.NewGuid():N}";
                charge = new SandboxCharge
                {
                    Txid = txid,
                    IsDue = due,
                    RequestBody = raw,
                    CreatedAt = _options.TimeProvider.GetUtcNow(),
                    Expiration = due ? null : expiration ?? 86400,
                    DueDate = dueDate,
                    ValidityAfterDue = due ? validity ?? 30 : null,
                    Amount = original!.Value,
                    Key = key!,
                    Debtor = body["devedor"]?.DeepClone(),
                    ValueExtras = ValueExtras(valor),
                    PayerMessage = Text(body["solicitacaoPagador"]),
                    AdditionalInfo = body["infoAdicionais"]?.DeepClone(),
                    LocationId = ++_nextLocation,
                    Location = location,
                    CopyPaste = SandboxBrCode.Dynamic(location, _options.MerchantName, _options.MerchantCity, due ? null : original),
                };
                _charges[txid] = charge;
            }
        }

        if (charge is null)
        {
            await ProblemAsync(ctx, 400, type, "Cobrança inválida.", "O txid informado já foi utilizado por outra cobrança.",
                new JsonArray(Violation("O txid já está em uso.", $"{kind}.txid", txid))).ConfigureAwait(false);
            return;
        }

        JsonObject json;
        lock (_gate) json = ChargeJson(charge);
        await JsonAsync(ctx, 201, json).ConfigureAwait(false);
    }

    private async Task GetChargeAsync(HttpContext ctx, bool due)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var txid = RouteValue(ctx, "txid");
        JsonObject? json = null;
        lock (_gate)
        {
            if (_charges.TryGetValue(txid, out var charge) && charge.IsDue == due) json = ChargeJson(charge);
        }

        if (json is null)
        {
            await ProblemAsync(ctx, 404, due ? "CobVNaoEncontrada" : "CobNaoEncontrado", "Cobrança não encontrada.",
                "Nenhuma cobrança encontrada para o txid informado.").ConfigureAwait(false);
            return;
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task PatchChargeAsync(HttpContext ctx, bool due)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var txid = RouteValue(ctx, "txid");
        var kind = due ? "cobv" : "cob";
        var type = due ? "CobVOperacaoInvalida" : "CobOperacaoInvalida";
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        if (body is null)
        {
            await ProblemAsync(ctx, 400, type, "Cobrança inválida.", "O corpo da requisição não é um JSON válido.").ConfigureAwait(false);
            return;
        }

        string? error = null;
        JsonArray? violations = null;
        JsonObject? json = null;
        var notFound = false;
        lock (_gate)
        {
            if (!_charges.TryGetValue(txid, out var charge) || charge.IsDue != due)
            {
                notFound = true;
            }
            else if (charge.Status != "ATIVA")
            {
                error = $"A cobrança está {charge.Status} e não pode ser alterada.";
            }
            else
            {
                var status = Text(body["status"]);
                var amount = body["valor"] is JsonObject v && v["original"] is { } o ? ParseAmount(o) : null;
                if (status is not null && status != "REMOVIDA_PELO_USUARIO_RECEBEDOR")
                    violations = [Violation("O único status aceito é REMOVIDA_PELO_USUARIO_RECEBEDOR.", $"{kind}.status", status)];
                else if (body["valor"] is JsonObject vv && vv["original"] is not null && amount is null or <= 0)
                    violations = [Violation("O campo valor.original não respeita o schema.", $"{kind}.valor.original", Text(vv["original"]))];
                else
                {
                    if (status is not null) charge.Status = status;
                    if (amount is { } a)
                    {
                        charge.Amount = a;
                        charge.CopyPaste = SandboxBrCode.Dynamic(charge.Location, _options.MerchantName, _options.MerchantCity, due ? null : a);
                    }

                    if (Text(body["solicitacaoPagador"]) is { } msg) charge.PayerMessage = msg;
                    if (body["devedor"] is JsonObject d) charge.Debtor = d.DeepClone();
                    if (body["calendario"] is JsonObject cal)
                    {
                        if (!due && ParseInt(cal["expiracao"]) is { } exp) charge.Expiration = exp;
                        if (due && Text(cal["dataDeVencimento"]) is { } dd) charge.DueDate = dd;
                    }

                    charge.Revision++;
                    json = ChargeJson(charge);
                }
            }
        }

        if (notFound)
            await ProblemAsync(ctx, 404, due ? "CobVNaoEncontrada" : "CobNaoEncontrado", "Cobrança não encontrada.", "Nenhuma cobrança encontrada para o txid informado.").ConfigureAwait(false);
        else if (error is not null || violations is not null)
            await ProblemAsync(ctx, 400, type, "Cobrança inválida.", error ?? "A revisão não respeita o schema.", violations).ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json!).ConfigureAwait(false);
    }

    private JsonObject ChargeJson(SandboxCharge c)
    {
        var calendario = new JsonObject { ["criacao"] = Rfc3339(c.CreatedAt) };
        if (c.IsDue)
        {
            calendario["dataDeVencimento"] = c.DueDate;
            calendario["validadeAposVencimento"] = c.ValidityAfterDue;
        }
        else
        {
            calendario["expiracao"] = c.Expiration;
        }

        var valor = c.ValueExtras?.DeepClone().AsObject() ?? new JsonObject();
        valor["original"] = Amount(c.Amount);
        var json = new JsonObject
        {
            ["calendario"] = calendario,
            ["txid"] = c.Txid,
            ["revisao"] = c.Revision,
            ["loc"] = new JsonObject { ["id"] = c.LocationId, ["location"] = c.Location, ["tipoCob"] = c.IsDue ? "cobv" : "cob" },
            ["location"] = c.Location,
            ["status"] = c.Status,
        };
        if (c.Debtor is not null) json["devedor"] = c.Debtor.DeepClone();
        json["valor"] = valor;
        json["chave"] = c.Key;
        if (c.PayerMessage is not null) json["solicitacaoPagador"] = c.PayerMessage;
        if (c.AdditionalInfo is not null) json["infoAdicionais"] = c.AdditionalInfo.DeepClone();
        json["pixCopiaECola"] = c.CopyPaste;
        if (c.Payments.Count > 0) json["pix"] = new JsonArray([.. c.Payments.Select(e => (JsonNode)PixJson(_pix[e]))]);
        return json;
    }

    private static JsonObject? ValueExtras(JsonObject? valor)
    {
        if (valor is null) return null;
        var extras = new JsonObject();
        foreach (var name in new[] { "multa", "juros", "abatimento", "desconto", "modalidadeAlteracao" })
        {
            if (valor[name] is { } node) extras[name] = node.DeepClone();
        }

        return extras.Count == 0 ? null : extras;
    }

    private static void CheckModalidade(JsonNode? node, string name, int min, int max, JsonArray violations)
    {
        if (node is null) return;
        var modalidade = ParseInt(node["modalidade"]);
        if (modalidade is null || modalidade < min || modalidade > max)
        {
            violations.Add(Violation($"O campo valor.{name}.modalidade não respeita o schema.", $"cobv.valor.{name}.modalidade", Text(node["modalidade"])));
            return;
        }

        var hasValue = node["valorPerc"] is not null;
        var hasDates = node["descontoDataFixa"] is JsonArray { Count: > 0 };
        if (name == "desconto" && modalidade <= 2)
        {
            if (node["descontoDataFixa"] is not JsonArray { Count: >= 1 and <= 3 } dates
                || dates.Any(d => ParseAmount(d?["valorPerc"]) is null || !DateOnly.TryParseExact(Text(d?["data"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                violations.Add(Violation("descontoDataFixa deve ter de 1 a 3 itens com data e valorPerc.", "cobv.valor.desconto.descontoDataFixa", null));
        }
        else if (!hasValue || hasDates || ParseAmount(node["valorPerc"]) is null)
        {
            violations.Add(Violation($"O campo valor.{name}.valorPerc não respeita o schema.", $"cobv.valor.{name}.valorPerc", Text(node["valorPerc"])));
        }
    }

    // ------------------------------------------------------------------ pix / devolução

    private async Task ListPixAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var q = ctx.Request.Query;
        if (!DateTimeOffset.TryParse(q["inicio"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTimeOffset.TryParse(q["fim"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            await ProblemAsync(ctx, 400, "PixConsultaInvalida", "Consulta inválida.", "Os parâmetros inicio e fim (RFC 3339) são obrigatórios.",
                new JsonArray(Violation("Parâmetro obrigatório ausente ou inválido.", "inicio/fim", null))).ConfigureAwait(false);
            return;
        }

        var page = int.TryParse(q["paginacao.paginaAtual"], CultureInfo.InvariantCulture, out var pg) ? pg : 0;
        var size = int.TryParse(q["paginacao.itensPorPagina"], CultureInfo.InvariantCulture, out var sz) ? sz : 100;
        if (page < 0 || size is < 1 or > 1000)
        {
            await ProblemAsync(ctx, 400, "PixConsultaInvalida", "Consulta inválida.", "Paginação inválida.").ConfigureAwait(false);
            return;
        }

        string? txid = q["txid"];
        bool? txidPresent = bool.TryParse(q["txIdPresente"], out var tp) ? tp : null;
        bool? refundPresent = bool.TryParse(q["devolucaoPresente"], out var rp) ? rp : null;
        JsonObject json;
        lock (_gate)
        {
            var all = _pixOrder.Where(p => p.PaidAt >= from && p.PaidAt <= to)
                .Where(p => txid is null || p.Txid == txid)
                .Where(p => txidPresent is null || (p.Txid is not null) == txidPresent)
                .Where(p => refundPresent is null || (p.Refunds.Count > 0) == refundPresent)
                .ToList();
            var pages = (all.Count + size - 1) / size;
            json = new JsonObject
            {
                ["parametros"] = new JsonObject
                {
                    ["inicio"] = Rfc3339(from),
                    ["fim"] = Rfc3339(to),
                    ["paginacao"] = new JsonObject
                    {
                        ["paginaAtual"] = page,
                        ["itensPorPagina"] = size,
                        ["quantidadeDePaginas"] = pages,
                        ["quantidadeTotalDeItens"] = all.Count,
                    },
                },
                ["pix"] = new JsonArray([.. all.Skip(page * size).Take(size).Select(p => (JsonNode)PixJson(p))]),
            };
        }

        await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task GetPixAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var e2eid = RouteValue(ctx, "e2eid");
        JsonObject? json = null;
        lock (_gate)
        {
            if (_pix.TryGetValue(e2eid, out var pix)) json = PixJson(pix);
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "PixNaoEncontrado", "Pix não encontrado.", "Nenhum Pix encontrado para o e2eid informado.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task PutRefundAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var e2eid = RouteValue(ctx, "e2eid");
        var id = RouteValue(ctx, "id");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        var amount = ParseAmount(body?["valor"]);
        SandboxPix? pix;
        JsonObject? json = null;
        string? problem = null;
        lock (_gate)
        {
            if (!_pix.TryGetValue(e2eid, out pix))
            {
                pix = null;
            }
            else if (!RefundIdPattern().IsMatch(id))
            {
                problem = "O id da devolução não respeita o schema.";
            }
            else if (amount is null or <= 0)
            {
                problem = "O campo valor não respeita o schema.";
            }
            else if (pix.Refunds.Any(r => r.Id == id))
            {
                problem = "Já existe uma devolução com o id informado.";
            }
            else if (pix.Refunds.Where(r => r.Status != "NAO_REALIZADO").Sum(r => r.Amount) + amount > pix.Amount)
            {
                problem = "O valor da devolução excede o valor disponível do Pix.";
            }
            else
            {
                var now = _options.TimeProvider.GetUtcNow();
                var refund = new SandboxRefund
                {
                    Id = id,
                    ReturnId = "D" + NewEndToEndId(now)[1..],
                    Amount = amount.Value,
                    Nature = Text(body?["natureza"]) ?? "ORIGINAL",
                    Description = Text(body?["descricao"]),
                    RequestedAt = now,
                    SettledAt = now,
                    Status = "DEVOLVIDO",
                };
                pix.Refunds.Add(refund);
                json = RefundJson(refund);
            }
        }

        if (pix is null)
        {
            await ProblemAsync(ctx, 404, "PixNaoEncontrado", "Pix não encontrado.", "Nenhum Pix encontrado para o e2eid informado.").ConfigureAwait(false);
            return;
        }

        if (problem is not null)
        {
            await ProblemAsync(ctx, 400, "PixDevolucaoInvalida", "Devolução inválida.", problem).ConfigureAwait(false);
            return;
        }

        // The webhook also fires when a refund settles (DEVOLVIDO); the sandbox settles at once and notifies before
        // answering, so tests observe the callback deterministically.
        await NotifyAsync(pix, ctx.RequestAborted).ConfigureAwait(false);
        await JsonAsync(ctx, 201, json!).ConfigureAwait(false);
    }

    private async Task GetRefundAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var e2eid = RouteValue(ctx, "e2eid");
        var id = RouteValue(ctx, "id");
        JsonObject? json = null;
        lock (_gate)
        {
            if (_pix.TryGetValue(e2eid, out var pix) && pix.Refunds.FirstOrDefault(r => r.Id == id) is { } refund) json = RefundJson(refund);
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "PixDevolucaoNaoEncontrada", "Devolução não encontrada.", "Nenhuma devolução encontrada.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private static JsonObject PixJson(SandboxPix p)
    {
        var json = new JsonObject
        {
            ["endToEndId"] = p.EndToEndId,
            ["txid"] = p.Txid,
            ["valor"] = Amount(p.Amount),
            ["componentesValor"] = Components(p),
            ["chave"] = p.Key,
            ["horario"] = Rfc3339(p.PaidAt),
            ["infoPagador"] = p.PayerInfo,
            ["pagador"] = new JsonObject { ["cpf"] = p.PayerCpf, ["nome"] = p.PayerName },
        };
        if (p.Refunds.Count > 0) json["devolucoes"] = new JsonArray([.. p.Refunds.Select(r => (JsonNode)RefundJson(r))]);
        return json;
    }

    private static JsonObject Components(SandboxPix p)
    {
        var components = new JsonObject { ["original"] = new JsonObject { ["valor"] = Amount(p.Original) } };
        if (p.Fine > 0) components["multa"] = new JsonObject { ["valor"] = Amount(p.Fine) };
        if (p.Interest > 0) components["juros"] = new JsonObject { ["valor"] = Amount(p.Interest) };
        if (p.Discount > 0) components["desconto"] = new JsonObject { ["valor"] = Amount(p.Discount) };
        return components;
    }

    private static JsonObject RefundJson(SandboxRefund r) => new()
    {
        ["id"] = r.Id,
        ["rtrId"] = r.ReturnId,
        ["valor"] = Amount(r.Amount),
        ["natureza"] = r.Nature,
        ["descricao"] = r.Description,
        ["horario"] = new JsonObject
        {
            ["solicitacao"] = Rfc3339(r.RequestedAt),
            ["liquidacao"] = r.SettledAt is { } s ? Rfc3339(s) : null,
        },
        ["status"] = r.Status,
    };

    // ------------------------------------------------------------------ webhook

    private async Task PutWebhookAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var key = RouteValue(ctx, "chave");
        var body = ParseObject(await ReadBodyAsync(ctx).ConfigureAwait(false));
        var url = Text(body?["webhookUrl"]);
        if (key != _options.Key)
        {
            await ProblemAsync(ctx, 400, "WebhookOperacaoInvalida", "Webhook inválido.", "A chave não pertence ao usuário recebedor.").ConfigureAwait(false);
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            await ProblemAsync(ctx, 400, "WebhookOperacaoInvalida", "Webhook inválido.", "A webhookUrl deve ser uma URL https absoluta.",
                new JsonArray(Violation("O campo webhookUrl não respeita o schema.", "webhook.webhookUrl", url))).ConfigureAwait(false);
            return;
        }

        lock (_gate) _webhooks[key] = (uri.AbsoluteUri, _options.TimeProvider.GetUtcNow());
        ctx.Response.StatusCode = 200;
    }

    private async Task GetWebhookAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var key = RouteValue(ctx, "chave");
        JsonObject? json = null;
        lock (_gate)
        {
            if (_webhooks.TryGetValue(key, out var hook))
                json = new JsonObject { ["webhookUrl"] = hook.Url, ["chave"] = key, ["criacao"] = Rfc3339(hook.CreatedAt) };
        }

        if (json is null)
            await ProblemAsync(ctx, 404, "WebhookNaoEncontrado", "Webhook não encontrado.", "Nenhum webhook para a chave informada.").ConfigureAwait(false);
        else
            await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task DeleteWebhookAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx).ConfigureAwait(false)) return;
        var key = RouteValue(ctx, "chave");
        bool removed;
        lock (_gate) removed = _webhooks.Remove(key);
        if (!removed)
            await ProblemAsync(ctx, 404, "WebhookNaoEncontrado", "Webhook não encontrado.", "Nenhum webhook para a chave informada.").ConfigureAwait(false);
        else
            ctx.Response.StatusCode = 204;
    }

    // ------------------------------------------------------------------ helpers

    private static async Task<string> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext ctx)
    {
        try
        {
            return JsonNode.Parse(await ReadBodyAsync(ctx).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject? ParseObject(string raw)
    {
        try
        {
            return JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
        : null;

    private static int? ParseInt(JsonNode? node) =>
        int.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static decimal? ParseAmount(JsonNode? node)
    {
        // BACEN: a string with a dot and exactly two decimals.
        var s = node is JsonValue v && v.TryGetValue<string>(out var str) ? str : null;
        return s is not null && AmountPattern().IsMatch(s) ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Violation(string reason, string property, string? value)
    {
        var v = new JsonObject { ["razao"] = reason, ["propriedade"] = property };
        if (value is not null) v["valor"] = value;
        return v;
    }

    private static Task ProblemAsync(HttpContext ctx, int status, string type, string title, string detail, JsonArray? violations = null)
    {
        var problem = new JsonObject
        {
            ["type"] = ErrorBase + type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["correlationId"] = Guid.NewGuid().ToString("N"),
        };
        if (violations is { Count: > 0 }) problem["violacoes"] = violations;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/problem+json";
        return ctx.Response.WriteAsync(problem.ToJsonString(), ctx.RequestAborted);
    }

    private static Task JsonAsync(HttpContext ctx, int status, JsonObject json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json.ToJsonString(), ctx.RequestAborted);
    }

    [GeneratedRegex("^[a-zA-Z0-9]{26,35}$")]
    private static partial Regex TxidPattern();

    [GeneratedRegex("^[a-zA-Z0-9]{1,35}$")]
    private static partial Regex RefundIdPattern();

    [GeneratedRegex(@"^\d{1,10}\.\d{2}$")]
    private static partial Regex AmountPattern();
}
