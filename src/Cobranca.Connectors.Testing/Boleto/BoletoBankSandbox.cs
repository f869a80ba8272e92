using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cobranca.Connectors.Testing.Boleto;

/// <summary>
/// Four banks' boleto APIs on Kestrel at <c>127.0.0.1</c>, as docs/boleto-providers.md describes them: Banco Inter
/// v3 under <c>/inter/</c>, Sicoob v3 under <c>/sicoob/</c>, Banco do Brasil v2 under <c>/bb/</c> and Efí under
/// <c>/efi/</c> (use <see cref="BaseAddressOf"/> as the client's BaseAddress). Each has its token endpoint and style
/// (tokens expire), its create body checks and duplicate-reference rule (BB refuses a repeated numeroTituloCliente;
/// Sicoob a repeated nossoNumero; Inter and Efí accept duplicates unless told otherwise), Inter's asynchronous
/// registration, status transitions, a <see cref="PayAsync"/> control that liquidates a boleto (by boleto or Pix) and
/// delivers the bank's webhook, paid listings, CNAB 240 retorno generation for a day's payments, fault injection
/// (5xx, dropped connections, answers lost after the create was committed) and a request log.
/// </summary>
/// <remarks>Plain HTTP on loopback: mTLS is not enforced. Barcodes and linhas are valid FEBRABAN codes (check digits, factor).</remarks>
public sealed class BoletoBankSandbox : IAsyncDisposable
{
    /// <summary>The bank prefixes served.</summary>
    public static IReadOnlyList<string> Banks { get; } = ["inter", "sicoob", "bb", "efi"];

    private readonly WebApplication _app;
    private readonly BoletoBankSandboxOptions _options;
    private readonly Lock _gate = new();
    private readonly List<Slip> _slips = [];
    private readonly SandboxTokens _tokens = new();
    private readonly Dictionary<string, Uri> _webhooks = new(StringComparer.Ordinal);
    private readonly SandboxFaults<BoletoSandboxFault> _faults = new();
    private readonly ConcurrentQueue<BoletoSandboxRequest> _requests = new();
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long _sequence = 1000;

    private BoletoBankSandbox(WebApplication app, BoletoBankSandboxOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri RootUrl { get; private set; } = null!;

    /// <summary>The accepted client id.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The accepted client secret.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>The settings.</summary>
    public BoletoBankSandboxOptions Options => _options;

    /// <summary>How many tokens were issued (all banks).</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Every request so far, oldest first.</summary>
    public IReadOnlyList<BoletoSandboxRequest> Requests => [.. _requests];

    /// <summary>The server root of one bank (its API and token paths live under it), e.g. <c>http://127.0.0.1:54321/inter/</c>.</summary>
    /// <param name="bank"><c>inter</c>, <c>sicoob</c>, <c>bb</c> or <c>efi</c>.</param>
    public Uri BaseAddressOf(string bank) => Banks.Contains(bank) ? new Uri(RootUrl, bank + "/") : throw new ArgumentException($"Unknown bank '{bank}'.", nameof(bank));

    /// <summary>Every boleto, in creation order.</summary>
    public IReadOnlyList<BoletoSandboxBoleto> Boletos
    {
        get
        {
            lock (_gate) return [.. _slips.Select(s => s.Snapshot(Today()))];
        }
    }

    /// <summary>How many boletos of <paramref name="bank"/> carry <paramref name="reference"/> (the "never two" check).</summary>
    /// <param name="bank">The bank.</param>
    /// <param name="reference">The client reference.</param>
    public int CountByReference(string bank, string reference)
    {
        lock (_gate) return _slips.Count(s => s.Bank == bank && s.Reference == reference);
    }

    /// <summary>Starts a sandbox on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BoletoBankSandbox> StartAsync(BoletoBankSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BoletoBankSandboxOptions();
        BoletoBankSandbox? sandbox = null;
        var (_, root) = await LoopbackHost.StartAsync(a =>
        {
            sandbox = new BoletoBankSandbox(a, options);
            sandbox.Configure();
        }, cancellationToken).ConfigureAwait(false);
        sandbox!.RootUrl = root;
        return sandbox;
    }

    /// <summary>Adds a fault for the next matching requests.</summary>
    /// <param name="fault">The fault.</param>
    public void InjectFault(BoletoSandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Add(fault, fault.Times);
    }

    /// <summary>Invalidates every token (the next call gets 401).</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>Sets where a bank delivers its webhooks (Inter also accepts <c>PUT /cobranca/v3/cobrancas/webhook</c>; Efí uses the charge's notification_url first).</summary>
    /// <param name="bank">The bank.</param>
    /// <param name="url">The receiver's URL.</param>
    public void SetWebhook(string bank, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_gate) _webhooks[bank] = url;
    }

    /// <summary>
    /// Liquidates a payable boleto as a payer would (by its barcode, or by its Pix QR when it is hybrid), then delivers
    /// the bank's webhook when one is set and <paramref name="notify"/> is true. Returns the receiver's status (null
    /// without webhook, 0 when unreachable).
    /// </summary>
    /// <param name="bank">The bank.</param>
    /// <param name="id">The bank's id of the boleto.</param>
    /// <param name="viaPix">Paid with the Pix QR (hybrid boletos only).</param>
    /// <param name="amount">Amount paid; default the nominal amount.</param>
    /// <param name="paidAt">When; default now (sandbox clock).</param>
    /// <param name="notify">False to "lose" the webhook (reconciliation tests).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <exception cref="InvalidOperationException">Unknown boleto, or not payable (processing, paid, cancelled).</exception>
    public async Task<int?> PayAsync(string bank, string id, bool viaPix = false, decimal? amount = null, DateTimeOffset? paidAt = null, bool notify = true,
        CancellationToken cancellationToken = default)
    {
        Slip slip;
        lock (_gate)
        {
            slip = _slips.FirstOrDefault(s => s.Bank == bank && s.Id == id) ?? throw new InvalidOperationException($"No {bank} boleto {id}.");
            Advance(slip);
            if (slip.State != SlipState.Open) throw new InvalidOperationException($"{bank} boleto {id} is {slip.State}, not payable.");
            if (viaPix && slip.PixCopiaECola is null) throw new InvalidOperationException($"{bank} boleto {id} is not hybrid: no Pix QR.");
            slip.State = SlipState.Paid;
            slip.AmountPaid = amount ?? slip.Amount;
            var at = (paidAt ?? _options.TimeProvider.GetUtcNow()).ToUniversalTime();
            slip.PaidAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
            slip.PaidViaPix = viaPix;
            slip.Events.Add("paid");
        }

        return notify ? await NotifyAsync(slip, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Delivers a boleto's webhook again (banks redeliver).</summary>
    /// <param name="bank">The bank.</param>
    /// <param name="id">The boleto.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public Task<int?> RedeliverWebhookAsync(string bank, string id, CancellationToken cancellationToken = default)
    {
        Slip slip;
        lock (_gate) slip = _slips.FirstOrDefault(s => s.Bank == bank && s.Id == id) ?? throw new InvalidOperationException($"No {bank} boleto {id}.");
        return NotifyAsync(slip, cancellationToken);
    }

    /// <summary>The webhook body the bank would send for a boleto now (to forge or replay one in tests).</summary>
    /// <param name="bank">The bank.</param>
    /// <param name="id">The boleto.</param>
    public string WebhookBodyOf(string bank, string id)
    {
        lock (_gate)
        {
            var slip = _slips.FirstOrDefault(s => s.Bank == bank && s.Id == id) ?? throw new InvalidOperationException($"No {bank} boleto {id}.");
            return WebhookBody(slip, forcePaid: true);
        }
    }

    // ------------------------------------------------------------------ webhooks

    private async Task<int?> NotifyAsync(Slip slip, CancellationToken cancellationToken)
    {
        Uri? url;
        string body;
        string contentType;
        lock (_gate)
        {
            url = slip.NotificationUrl ?? (_webhooks.TryGetValue(slip.Bank, out var u) ? u : null);
            body = WebhookBody(slip, forcePaid: false);
            contentType = slip.Bank == "efi" ? "application/x-www-form-urlencoded" : "application/json";
        }

        if (url is null) return null;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, contentType);
            using var response = await _webhookClient.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private string WebhookBody(Slip s, bool forcePaid)
    {
        var paid = forcePaid || s.State == SlipState.Paid;
        var amount = s.AmountPaid ?? s.Amount;
        var at = s.PaidAt ?? _options.TimeProvider.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(at, BrazilTime.Zone);
        return s.Bank switch
        {
            "inter" => new JsonArray(new JsonObject
            {
                ["codigoSolicitacao"] = s.Id, ["seuNumero"] = s.Reference, ["situacao"] = paid ? "RECEBIDO" : InterStatus(s, Today()),
                ["dataHoraSituacao"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["valorTotalRecebido"] = amount,
                ["origemRecebimento"] = s.PaidViaPix ? "PIX" : "BOLETO", ["nossoNumero"] = s.NossoNumero,
                ["codigoBarras"] = s.Barcode, ["linhaDigitavel"] = s.Linha,
            }).ToJsonString(),
            "sicoob" => new JsonObject
            {
                ["nossoNumero"] = long.Parse(s.Id, CultureInfo.InvariantCulture), ["seuNumero"] = s.Reference, ["situacao"] = paid ? "LIQUIDADO" : "EM ABERTO",
                ["valorPago"] = amount, ["dataPagamento"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }.ToJsonString(),
            "bb" => new JsonArray(new JsonObject
            {
                ["id"] = s.Id, ["dataRegistro"] = s.IssueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                ["dataVencimento"] = s.DueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), ["valorOriginal"] = s.Amount,
                ["valorPagoSacado"] = amount, ["numeroConvenio"] = _options.BancoDoBrasilConvenio, ["numeroOperacao"] = 10055680,
                ["carteiraConvenio"] = 17, ["variacaoCarteiraConvenio"] = 35, ["codigoEstadoBaixaOperacional"] = 1,
                ["dataLiquidacao"] = local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), ["instituicaoLiquidacao"] = "001",
                ["canalLiquidacao"] = 4, ["codigoModalidadeBoleto"] = 1, ["formaPagamento"] = s.PaidViaPix ? 5 : 2,
            }).ToJsonString(),
            _ => "notification=" + Uri.EscapeDataString(s.NotificationToken),
        };
    }

    // ------------------------------------------------------------------ pipeline

    private void Configure()
    {
        _app.Use(LogAndFaultsAsync);
        _app.UseRouting();
        _app.MapPost("/inter/oauth/v2/token", ctx => TokenAsync(ctx, "inter"));
        _app.MapPost("/inter/cobranca/v3/cobrancas", InterCreateAsync);
        _app.MapGet("/inter/cobranca/v3/cobrancas", InterListAsync);
        _app.MapPut("/inter/cobranca/v3/cobrancas/webhook", InterWebhookAsync);
        _app.MapGet("/inter/cobranca/v3/cobrancas/{id}", ctx => InterGetAsync(ctx, Route(ctx, "id")));
        _app.MapPost("/inter/cobranca/v3/cobrancas/{id}/cancelar", ctx => CancelAsync(ctx, "inter", Route(ctx, "id")));
        _app.MapGet("/inter/cobranca/v3/cobrancas/{id}/pdf", ctx => PdfAsync(ctx, "inter", Route(ctx, "id")));

        _app.MapPost("/sicoob/auth/realms/cooperado/protocol/openid-connect/token", ctx => TokenAsync(ctx, "sicoob"));
        _app.MapPost("/sicoob/cobranca-bancaria/v3/boletos", SicoobCreateAsync);
        _app.MapGet("/sicoob/cobranca-bancaria/v3/boletos", ctx => SicoobGetAsync(ctx, pdf: false));
        _app.MapGet("/sicoob/cobranca-bancaria/v3/boletos/segunda-via", ctx => SicoobGetAsync(ctx, pdf: true));
        _app.MapPost("/sicoob/cobranca-bancaria/v3/boletos/{id}/baixar", ctx => CancelAsync(ctx, "sicoob", Route(ctx, "id")));

        _app.MapPost("/bb/oauth/token", ctx => TokenAsync(ctx, "bb"));
        _app.MapPost("/bb/cobrancas/v2/boletos", BbCreateAsync);
        _app.MapGet("/bb/cobrancas/v2/boletos", BbListAsync);
        _app.MapGet("/bb/cobrancas/v2/boletos/{id}", ctx => BbGetAsync(ctx, Route(ctx, "id")));
        _app.MapPost("/bb/cobrancas/v2/boletos/{id}/baixar", ctx => CancelAsync(ctx, "bb", Route(ctx, "id")));

        _app.MapPost("/efi/v1/authorize", ctx => TokenAsync(ctx, "efi"));
        _app.MapPost("/efi/v1/charge/one-step", EfiCreateAsync);
        _app.MapGet("/efi/v1/charge/{id}", ctx => EfiGetAsync(ctx, Route(ctx, "id")));
        _app.MapGet("/efi/v1/charges", EfiListAsync);
        _app.MapPut("/efi/v1/charge/{id}/cancel", ctx => CancelAsync(ctx, "efi", Route(ctx, "id")));
        _app.MapGet("/efi/v1/notification/{token}", ctx => EfiNotificationAsync(ctx, Route(ctx, "token")));
    }

    private static string Route(HttpContext ctx, string name) => Uri.UnescapeDataString(ctx.Request.RouteValues[name]?.ToString() ?? string.Empty);

    private async Task LogAndFaultsAsync(HttpContext ctx, Func<Task> next)
    {
        var request = ctx.Request;
        var body = await SandboxExchange.ReadBodyAsync(ctx).ConfigureAwait(false);
        var segments = request.Path.Value?.TrimStart('/').Split('/', 2) ?? [];
        var bank = segments.Length > 0 ? segments[0] : string.Empty;
        var path = (segments.Length > 1 ? "/" + segments[1] : "/") + request.QueryString;
        var isToken = path.Contains("token", StringComparison.Ordinal) || path.Contains("authorize", StringComparison.Ordinal);
        var scheme = SandboxExchange.AuthorizationScheme(request);
        var clientIdHeader = request.Headers["client_id"].ToString() is { Length: > 0 } c ? c : null;
        var log = SandboxExchange.RecordOnce(ctx, status =>
            _requests.Enqueue(new BoletoSandboxRequest(bank, request.Method, path, isToken ? string.Empty : body, scheme, clientIdHeader, status)));
        var fault = _faults.Take(f => (f.Bank is null || f.Bank == bank) && SandboxFaults<BoletoSandboxFault>.Matches(f.Method, f.PathContains, request.Method, path));
        try
        {
            switch (fault?.Kind)
            {
                case BoletoSandboxFaultKind.ServerError:
                    await JsonAsync(ctx, 503, new JsonObject { ["title"] = "Serviço indisponível", ["detail"] = "Falha simulada pelo sandbox." }).ConfigureAwait(false);
                    break;
                case BoletoSandboxFaultKind.ConnectionReset:
                    log(0);
                    ctx.Abort();
                    break;
                case BoletoSandboxFaultKind.ResponseLost:
                    await SandboxExchange.ProcessThenDropAsync(ctx, next, log).ConfigureAwait(false);
                    break;
                case BoletoSandboxFaultKind.MalformedBody:
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("{\"codigoSolicitacao\": \"", ctx.RequestAborted).ConfigureAwait(false);
                    break;
                case BoletoSandboxFaultKind.Latency:
                    await next().ConfigureAwait(false);
                    await Task.Delay(fault.Delay, ctx.RequestAborted).ConfigureAwait(false);
                    break;
                default:
                    await next().ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            log(0);
        }
        finally
        {
            log(SandboxExchange.FinalStatus(ctx));
        }
    }

    // ------------------------------------------------------------------ OAuth

    private async Task TokenAsync(HttpContext ctx, string bank)
    {
        var auth = ctx.Request.Headers.Authorization.ToString();
        var (id, secret) = SandboxTokens.FromBasic(auth);
        string? grant = null, scope = null;

        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            grant = form["grant_type"];
            scope = form["scope"];
            id ??= form["client_id"];
            secret ??= form["client_secret"];
        }
        else if (Parse(await BodyAsync(ctx).ConfigureAwait(false)) is JsonObject json)
        {
            grant = Text(json["grant_type"]);
        }

        // Each bank's style: Inter/Sicoob form credentials, BB Basic + form, Efí Basic + JSON.
        var styleOk = bank switch
        {
            "inter" or "sicoob" => ctx.Request.HasFormContentType && !auth.StartsWith("Basic", StringComparison.OrdinalIgnoreCase),
            "bb" => ctx.Request.HasFormContentType && auth.StartsWith("Basic", StringComparison.OrdinalIgnoreCase),
            _ => !ctx.Request.HasFormContentType && auth.StartsWith("Basic", StringComparison.OrdinalIgnoreCase),
        };
        if (grant != "client_credentials" || !styleOk)
        {
            await JsonAsync(ctx, 400, new JsonObject { ["error"] = "invalid_request" }).ConfigureAwait(false);
            return;
        }

        var secretOk = bank == "sicoob" || secret == _options.ClientSecret;
        if (id != _options.ClientId || !secretOk)
        {
            await JsonAsync(ctx, 401, new JsonObject { ["error"] = "invalid_client" }).ConfigureAwait(false);
            return;
        }

        string[] needed = bank switch
        {
            "inter" => ["boleto-cobranca.read", "boleto-cobranca.write"],
            "sicoob" => ["boletos_inclusao", "boletos_consulta"],
            "bb" => ["cobrancas.boletos-info", "cobrancas.boletos-requisicao"],
            _ => [],
        };
        var granted = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (needed.Except(granted, StringComparer.Ordinal).Any())
        {
            await JsonAsync(ctx, 400, new JsonObject { ["error"] = "invalid_scope" }).ConfigureAwait(false);
            return;
        }

        var token = bank + "." + Convert.ToHexString(Guid.NewGuid().ToByteArray());
        _tokens.Add(token, _options.TimeProvider.GetUtcNow() + _options.TokenLifetime);
        await JsonAsync(ctx, 200, new JsonObject
        {
            ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds, ["scope"] = string.Join(' ', granted),
        }).ConfigureAwait(false);
    }

    private async Task<bool> AuthorizedAsync(HttpContext ctx, string bank)
    {
        var ok = SandboxTokens.BearerOf(ctx.Request.Headers.Authorization.ToString()) is { } token
            && token.StartsWith(bank + ".", StringComparison.Ordinal) && _tokens.IsValid(token, _options.TimeProvider);
        if (ok && bank == "sicoob" && ctx.Request.Headers["client_id"].ToString() != _options.ClientId) ok = false;
        if (ok && bank == "bb" && ctx.Request.Query["gw-dev-app-key"].ToString() != _options.BancoDoBrasilApplicationKey)
        {
            await JsonAsync(ctx, 401, new JsonObject { ["erros"] = new JsonArray(new JsonObject { ["codigo"] = "401", ["mensagem"] = "gw-dev-app-key inválida ou ausente." }) }).ConfigureAwait(false);
            return false;
        }

        if (!ok) await JsonAsync(ctx, 401, new JsonObject { ["title"] = "Não autorizado", ["detail"] = "Token ausente, inválido ou expirado." }).ConfigureAwait(false);
        return ok;
    }

    // ------------------------------------------------------------------ shared

    private DateOnly Today() => BrazilTime.Today(_options.TimeProvider);

    /// <summary>Registers the boleto now (Inter's asynchronous registration completes here).</summary>
    private void Advance(Slip s)
    {
        if (s.State == SlipState.Processing && _options.TimeProvider.GetUtcNow() >= s.RegisteredAt) Register(s);
    }

    private void Register(Slip s)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var (bankCode, nosso) = s.Bank switch
        {
            "inter" => ("077", seq.ToString("D11", CultureInfo.InvariantCulture)),
            "sicoob" => ("756", s.NossoNumero ?? seq.ToString("D10", CultureInfo.InvariantCulture)),
            "bb" => ("001", s.Id[3..]),
            _ => ("364", seq.ToString("D11", CultureInfo.InvariantCulture)),
        };
        var free = (nosso.Length > 25 ? nosso[^25..] : nosso).PadLeft(25, '0');
        var code = BoletoCode.CreateBank(bankCode, s.DueDate, s.Amount, free);
        s.NossoNumero ??= nosso;
        s.Barcode = code.Barcode;
        s.Linha = code.DigitableLine;
        if (s.Hybrid)
        {
            s.Txid = "BOL" + s.Bank.ToUpperInvariant() + seq.ToString("D20", CultureInfo.InvariantCulture);
            s.PixCopiaECola = SandboxBrCode.Dynamic($"pix.sandbox.example/qr/v2/{s.Txid}", "ISP SANDBOX", "SAO PAULO", s.Amount);
        }

        s.State = SlipState.Open;
        s.Events.Add("registered");
    }

    private Slip New(string bank, string id, string reference, decimal amount, DateOnly due, bool hybrid)
    {
        var s = new Slip
        {
            Bank = bank, Id = id, Reference = reference, Amount = amount, DueDate = due, IssueDate = Today(), Hybrid = hybrid,
            CreatedAt = _options.TimeProvider.GetUtcNow(), NotificationToken = Guid.NewGuid().ToString("N"),
        };
        _slips.Add(s);
        return s;
    }

    private async Task CancelAsync(HttpContext ctx, string bank, string id)
    {
        if (!await AuthorizedAsync(ctx, bank).ConfigureAwait(false)) return;
        Slip? s;
        lock (_gate)
        {
            s = _slips.FirstOrDefault(x => x.Bank == bank && x.Id == id);
            if (s is not null) Advance(s);
            if (s is { State: SlipState.Open })
            {
                s.State = SlipState.Cancelled;
                s.Events.Add("cancelled");
            }
        }

        if (s is null)
        {
            await NotFoundAsync(ctx, bank).ConfigureAwait(false);
            return;
        }

        if (s.State != SlipState.Cancelled)
        {
            await BadRequestAsync(ctx, bank, "BAIXA", $"Boleto não pode ser baixado: situação {s.State}.").ConfigureAwait(false);
            return;
        }

        if (bank == "bb")
        {
            await JsonAsync(ctx, 200, new JsonObject { ["numeroContratoCobranca"] = 19581316, ["dataBaixa"] = Today().ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), ["horarioBaixa"] = "10:00:00" }).ConfigureAwait(false);
        }
        else if (bank == "efi")
        {
            await JsonAsync(ctx, 200, new JsonObject { ["code"] = 200 }).ConfigureAwait(false);
        }
        else
        {
            ctx.Response.StatusCode = 204;
        }
    }

    private async Task PdfAsync(HttpContext ctx, string bank, string id)
    {
        if (!await AuthorizedAsync(ctx, bank).ConfigureAwait(false)) return;
        Slip? s;
        lock (_gate)
        {
            s = _slips.FirstOrDefault(x => x.Bank == bank && x.Id == id);
            if (s is not null) Advance(s);
        }

        if (s?.Linha is null)
        {
            await NotFoundAsync(ctx, bank).ConfigureAwait(false);
            return;
        }

        await JsonAsync(ctx, 200, new JsonObject { ["pdf"] = Convert.ToBase64String(FakePdf(s)) }).ConfigureAwait(false);
    }

    private static byte[] FakePdf(Slip s) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% sandbox boleto {s.Id} linha {s.Linha}\n%%EOF\n");

    // ------------------------------------------------------------------ Inter

    private async Task InterCreateAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "inter").ConfigureAwait(false)) return;
        var body = Parse(await BodyAsync(ctx).ConfigureAwait(false)) as JsonObject;
        var violations = new JsonArray();
        var seuNumero = Text(body?["seuNumero"]);
        var valor = Dec(body?["valorNominal"]);
        var due = Date(body?["dataVencimento"], "yyyy-MM-dd");
        var pagador = body?["pagador"] as JsonObject;
        if (seuNumero is null || seuNumero.Length > 15) violations.Add(Violation("seuNumero", "obrigatório, até 15 caracteres"));
        if (valor is not > 0) violations.Add(Violation("valorNominal", "deve ser maior que zero"));
        if (due is null) violations.Add(Violation("dataVencimento", "formato yyyy-MM-dd"));
        if (body?["numDiasAgenda"] is null) violations.Add(Violation("numDiasAgenda", "obrigatório"));
        foreach (var f in new[] { "cpfCnpj", "nome", "cep", "cidade", "uf", "endereco", "tipoPessoa" })
            if (Text(pagador?[f]) is null) violations.Add(Violation("pagador." + f, "obrigatório"));
        if (Text(pagador?["tipoPessoa"]) is { } tipo && tipo is not ("FISICA" or "JURIDICA")) violations.Add(Violation("pagador.tipoPessoa", "FISICA ou JURIDICA"));
        if (violations.Count > 0)
        {
            await JsonAsync(ctx, 400, new JsonObject { ["title"] = "Requisição inválida", ["detail"] = "Campos inválidos.", ["violacoes"] = violations }).ConfigureAwait(false);
            return;
        }

        string id;
        lock (_gate)
        {
            if (_options.InterRejectsDuplicateSeuNumero && _slips.Any(s => s.Bank == "inter" && s.Reference == seuNumero && s.State != SlipState.Cancelled))
            {
                id = string.Empty;
            }
            else
            {
                id = Guid.NewGuid().ToString();
                var slip = New("inter", id, seuNumero!, valor!.Value, due!.Value, hybrid: true);
                slip.RegisteredAt = slip.CreatedAt + _options.InterRegistrationDelay;
                slip.State = SlipState.Processing;
                slip.Payer = Text(pagador?["nome"]);
            }
        }

        if (id.Length == 0)
        {
            await JsonAsync(ctx, 409, new JsonObject { ["title"] = "Conflito", ["detail"] = "Já existe cobrança com este seuNumero (duplicada)." }).ConfigureAwait(false);
            return;
        }

        await JsonAsync(ctx, 200, new JsonObject { ["codigoSolicitacao"] = id }).ConfigureAwait(false);
    }

    private async Task InterGetAsync(HttpContext ctx, string id)
    {
        if (!await AuthorizedAsync(ctx, "inter").ConfigureAwait(false)) return;
        JsonObject? json = null;
        lock (_gate)
        {
            var s = _slips.FirstOrDefault(x => x.Bank == "inter" && x.Id == id);
            if (s is not null)
            {
                Advance(s);
                json = InterJson(s);
            }
        }

        if (json is null) await NotFoundAsync(ctx, "inter").ConfigureAwait(false);
        else await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task InterListAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "inter").ConfigureAwait(false)) return;
        var q = ctx.Request.Query;
        var from = Date(q["dataInicial"].ToString(), "yyyy-MM-dd");
        var to = Date(q["dataFinal"].ToString(), "yyyy-MM-dd");
        if (from is null || to is null)
        {
            await JsonAsync(ctx, 400, new JsonObject { ["title"] = "Requisição inválida", ["detail"] = "dataInicial e dataFinal são obrigatórias." }).ConfigureAwait(false);
            return;
        }

        var filter = q["filtrarDataPor"].ToString() is { Length: > 0 } f ? f : "VENCIMENTO";
        var situacao = q["situacao"].ToString();
        var size = int.TryParse(q["itensPorPagina"], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 1000) : 100;
        var page = int.TryParse(q["paginaAtual"], CultureInfo.InvariantCulture, out var p) ? Math.Max(0, p) : 0;
        List<JsonObject> all;
        lock (_gate)
        {
            var today = Today();
            all = [.. _slips.Where(s => s.Bank == "inter").Select(s =>
            {
                Advance(s);
                return s;
            }).Where(s =>
            {
                DateOnly? d = filter switch
                {
                    "EMISSAO" => s.IssueDate,
                    "PAGAMENTO" => s.PaidAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).DateTime) : null,
                    _ => s.DueDate,
                };
                return d >= from && d <= to && (situacao.Length == 0 || InterStatus(s, today) == situacao);
            }).Select(InterJson)];
        }

        var items = all.Skip(page * size).Take(size).ToList();
        var totalPages = (all.Count + size - 1) / size;
        await JsonAsync(ctx, 200, new JsonObject
        {
            ["totalPaginas"] = totalPages, ["totalElementos"] = all.Count, ["ultimaPagina"] = page + 1 >= totalPages, ["primeiraPagina"] = page == 0,
            ["tamanhoPagina"] = size, ["numeroDeElementos"] = items.Count, ["cobrancas"] = new JsonArray([.. items]),
        }).ConfigureAwait(false);
    }

    private async Task InterWebhookAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "inter").ConfigureAwait(false)) return;
        var body = Parse(await BodyAsync(ctx).ConfigureAwait(false));
        if (!Uri.TryCreate(Text(body?["webhookUrl"]), UriKind.Absolute, out var url))
        {
            await JsonAsync(ctx, 400, new JsonObject { ["title"] = "Requisição inválida", ["detail"] = "webhookUrl inválida." }).ConfigureAwait(false);
            return;
        }

        SetWebhook("inter", url);
        ctx.Response.StatusCode = 204;
    }

    private static string InterStatus(Slip s, DateOnly today) => s.State switch
    {
        SlipState.Processing => "EM_PROCESSAMENTO",
        SlipState.Paid => "RECEBIDO",
        SlipState.Cancelled => "CANCELADO",
        _ => s.DueDate < today ? "ATRASADO" : "A_RECEBER",
    };

    private JsonObject InterJson(Slip s)
    {
        var status = InterStatus(s, Today());
        return new JsonObject
        {
            ["cobranca"] = new JsonObject
            {
                ["codigoSolicitacao"] = s.Id, ["seuNumero"] = s.Reference, ["dataEmissao"] = Iso(s.IssueDate), ["dataVencimento"] = Iso(s.DueDate),
                ["valorNominal"] = s.Amount, ["tipoCobranca"] = "SIMPLES", ["situacao"] = status,
                ["dataSituacao"] = s.PaidAt is { } at ? TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) : Iso(Today()),
                ["valorTotalRecebido"] = s.AmountPaid, ["origemRecebimento"] = s.State == SlipState.Paid ? (s.PaidViaPix ? "PIX" : "BOLETO") : null,
                ["pagador"] = new JsonObject { ["nome"] = s.Payer },
            },
            ["boleto"] = s.Barcode is null ? null : new JsonObject { ["nossoNumero"] = s.NossoNumero, ["codigoBarras"] = s.Barcode, ["linhaDigitavel"] = s.Linha },
            ["pix"] = s.PixCopiaECola is null ? null : new JsonObject { ["txid"] = s.Txid, ["pixCopiaECola"] = s.PixCopiaECola },
        };
    }

    // ------------------------------------------------------------------ Sicoob

    private async Task SicoobCreateAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "sicoob").ConfigureAwait(false)) return;
        var body = Parse(await BodyAsync(ctx).ConfigureAwait(false)) as JsonObject;
        var errors = new List<string>();
        if (Long(body?["numeroCliente"]) != _options.SicoobClientNumber) errors.Add("numeroCliente não pertence ao cooperado.");
        if (Long(body?["codigoModalidade"]) is not > 0) errors.Add("codigoModalidade é obrigatório.");
        var valor = Dec(body?["valor"]);
        if (valor is not > 0) errors.Add("valor deve ser maior que zero.");
        var due = Date(body?["dataVencimento"], "yyyy-MM-dd");
        if (due is null) errors.Add("dataVencimento inválida.");
        var pagador = body?["pagador"] as JsonObject;
        if (Text(pagador?["numeroCpfCnpj"]) is null || Text(pagador?["nome"]) is null) errors.Add("pagador.numeroCpfCnpj e pagador.nome são obrigatórios.");
        if (errors.Count > 0)
        {
            await SicoobErrorAsync(ctx, 400, errors).ConfigureAwait(false);
            return;
        }

        var nosso = Long(body?["nossoNumero"]);
        JsonObject? json = null;
        lock (_gate)
        {
            var id = nosso?.ToString(CultureInfo.InvariantCulture) ?? Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
            if (!(_options.SicoobRejectsDuplicateNossoNumero && _slips.Any(s => s.Bank == "sicoob" && s.Id == id)))
            {
                var slip = New("sicoob", id, Text(body?["seuNumero"]) ?? id, valor!.Value, due!.Value, hybrid: Long(body?["codigoCadastrarPIX"]) == 1);
                slip.NossoNumero = id;
                slip.Payer = Text(pagador?["nome"]);
                Register(slip);
                json = SicoobJson(slip);
            }
        }

        if (json is null) await SicoobErrorAsync(ctx, 400, ["Nosso número já cadastrado para este beneficiário (duplicado)."]).ConfigureAwait(false);
        else await JsonAsync(ctx, 200, new JsonObject { ["resultado"] = json }).ConfigureAwait(false);
    }

    private async Task SicoobGetAsync(HttpContext ctx, bool pdf)
    {
        if (!await AuthorizedAsync(ctx, "sicoob").ConfigureAwait(false)) return;
        var q = ctx.Request.Query;
        if (long.TryParse(q["numeroCliente"], CultureInfo.InvariantCulture, out var client) ? client != _options.SicoobClientNumber : true)
        {
            await SicoobErrorAsync(ctx, 400, ["numeroCliente é obrigatório."]).ConfigureAwait(false);
            return;
        }

        JsonObject? json = null;
        lock (_gate)
        {
            var s = _slips.FirstOrDefault(x => x.Bank == "sicoob" && x.Id == q["nossoNumero"].ToString());
            if (s is not null)
            {
                json = SicoobJson(s);
                if (pdf) json["pdfBoleto"] = Convert.ToBase64String(FakePdf(s));
            }
        }

        if (json is null) await SicoobErrorAsync(ctx, 404, ["Boleto não encontrado."]).ConfigureAwait(false);
        else await JsonAsync(ctx, 200, new JsonObject { ["resultado"] = json }).ConfigureAwait(false);
    }

    private static Task SicoobErrorAsync(HttpContext ctx, int status, IEnumerable<string> messages) =>
        JsonAsync(ctx, status, new JsonObject
        {
            ["mensagens"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["mensagem"] = m, ["codigo"] = status.ToString(CultureInfo.InvariantCulture) })]),
        });

    private JsonObject SicoobJson(Slip s) => new()
    {
        ["numeroCliente"] = _options.SicoobClientNumber, ["codigoModalidade"] = 1, ["nossoNumero"] = long.Parse(s.Id, CultureInfo.InvariantCulture),
        ["seuNumero"] = s.Reference, ["valor"] = s.Amount, ["dataVencimento"] = Iso(s.DueDate), ["dataEmissao"] = Iso(s.IssueDate),
        ["codigoBarras"] = s.Barcode, ["linhaDigitavel"] = s.Linha, ["qrCode"] = s.PixCopiaECola,
        ["situacaoBoleto"] = s.State switch { SlipState.Paid => "Liquidado", SlipState.Cancelled => "Baixado", _ => "Em Aberto" },
        ["valorPago"] = s.AmountPaid,
        ["dataLiquidacao"] = s.PaidAt is { } at ? TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null,
    };

    // ------------------------------------------------------------------ Banco do Brasil

    private async Task BbCreateAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "bb").ConfigureAwait(false)) return;
        var body = Parse(await BodyAsync(ctx).ConfigureAwait(false)) as JsonObject;
        var errors = new List<string>();
        var convenio = _options.BancoDoBrasilConvenio;
        if (Long(body?["numeroConvenio"]) != convenio) errors.Add("Convênio não encontrado.");
        var id = Text(body?["numeroTituloCliente"]);
        var prefix = "000" + convenio.ToString("D7", CultureInfo.InvariantCulture);
        if (id is not { Length: 20 } || !id.StartsWith(prefix, StringComparison.Ordinal) || !id.All(char.IsAsciiDigit))
            errors.Add("numeroTituloCliente deve ser 000 + convênio (7) + sequencial (10).");
        var valor = Dec(body?["valorOriginal"]);
        if (valor is not > 0) errors.Add("valorOriginal inválido.");
        var due = Date(body?["dataVencimento"], "dd.MM.yyyy");
        if (due is null) errors.Add("dataVencimento deve estar no formato dd.mm.aaaa.");
        var pagador = body?["pagador"] as JsonObject;
        if (Long(pagador?["tipoInscricao"]) is not (1 or 2) || Long(pagador?["numeroInscricao"]) is null || Text(pagador?["nome"]) is null)
            errors.Add("Pagador inválido.");
        if (Text(body?["indicadorPix"]) is { } pix && pix is not ("S" or "N")) errors.Add("indicadorPix deve ser S ou N.");
        if (errors.Count > 0)
        {
            await BbErrorAsync(ctx, 400, errors.Select(e => ("4678420", e))).ConfigureAwait(false);
            return;
        }

        JsonObject? json = null;
        lock (_gate)
        {
            if (!_slips.Any(s => s.Bank == "bb" && s.Id == id))
            {
                var slip = New("bb", id!, Text(body?["numeroTituloBeneficiario"]) ?? id![10..], valor!.Value, due!.Value, hybrid: Text(body?["indicadorPix"]) == "S");
                slip.Payer = Text(pagador?["nome"]);
                Register(slip);
                json = new JsonObject
                {
                    ["numero"] = slip.Id, ["numeroCarteira"] = 17, ["numeroVariacaoCarteira"] = 35, ["codigoCliente"] = 704950857,
                    ["linhaDigitavel"] = slip.Linha, ["codigoBarraNumerico"] = slip.Barcode, ["numeroContratoCobranca"] = 19581316,
                    ["beneficiario"] = new JsonObject { ["agencia"] = 452, ["contaCorrente"] = 123873 },
                    ["qrCode"] = new JsonObject { ["url"] = slip.PixCopiaECola is null ? string.Empty : "https://pix.sandbox.example/" + slip.Txid, ["txId"] = slip.Txid ?? string.Empty, ["emv"] = slip.PixCopiaECola ?? string.Empty },
                };
            }
        }

        if (json is null) await BbErrorAsync(ctx, 400, [("4874915.1", "Nosso Número já incluído anteriormente.")]).ConfigureAwait(false);
        else await JsonAsync(ctx, 201, json).ConfigureAwait(false);
    }

    private async Task BbGetAsync(HttpContext ctx, string id)
    {
        if (!await AuthorizedAsync(ctx, "bb").ConfigureAwait(false)) return;
        if (Long(ctx.Request.Query["numeroConvenio"].ToString()) != _options.BancoDoBrasilConvenio)
        {
            await BbErrorAsync(ctx, 400, [("4678420", "numeroConvenio é obrigatório.")]).ConfigureAwait(false);
            return;
        }

        JsonObject? json;
        lock (_gate) json = _slips.FirstOrDefault(x => x.Bank == "bb" && x.Id == id) is { } s ? BbJson(s) : null;
        if (json is null) await BbErrorAsync(ctx, 404, [("4874916", "Boleto não encontrado.")]).ConfigureAwait(false);
        else await JsonAsync(ctx, 200, json).ConfigureAwait(false);
    }

    private async Task BbListAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "bb").ConfigureAwait(false)) return;
        var q = ctx.Request.Query;
        var situation = q["indicadorSituacao"].ToString();
        if (situation is not ("A" or "B"))
        {
            await BbErrorAsync(ctx, 400, [("4678420", "indicadorSituacao deve ser A ou B.")]).ConfigureAwait(false);
            return;
        }

        (string From, string To, Func<Slip, DateOnly?> Of)[] filters =
        [
            ("dataInicioVencimento", "dataFimVencimento", s => s.DueDate),
            ("dataInicioRegistro", "dataFimRegistro", s => s.IssueDate),
            ("dataInicioMovimento", "dataFimMovimento", s => s.PaidAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).DateTime) : null),
        ];
        var index = int.TryParse(q["indice"], CultureInfo.InvariantCulture, out var i) ? Math.Max(0, i) : 0;
        var size = int.TryParse(q["quantidadePorPagina"], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : 100;
        List<JsonObject> all;
        lock (_gate)
        {
            all = [.. _slips.Where(s => s.Bank == "bb" && (situation == "A") == (s.State == SlipState.Open)).Where(s => filters.All(f =>
            {
                var from = Date(q[f.From].ToString(), "dd.MM.yyyy");
                var to = Date(q[f.To].ToString(), "dd.MM.yyyy");
                if (from is null && to is null) return true;
                var d = f.Of(s);
                return d is not null && (from is null || d >= from) && (to is null || d <= to);
            })).Select(BbJson)];
        }

        var page = all.Skip(index).Take(size).ToList();
        var more = index + size < all.Count;
        await JsonAsync(ctx, 200, new JsonObject
        {
            ["indicadorContinuidade"] = more ? "S" : "N", ["quantidadeRegistros"] = page.Count, ["proximoIndice"] = more ? index + size : 0,
            ["boletos"] = new JsonArray([.. page]),
        }).ConfigureAwait(false);
    }

    private static Task BbErrorAsync(HttpContext ctx, int status, IEnumerable<(string Code, string Message)> errors) =>
        JsonAsync(ctx, status, new JsonObject
        {
            ["erros"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject { ["codigo"] = e.Code, ["mensagem"] = e.Message, ["providencia"] = "Verifique os dados informados." })]),
        });

    private JsonObject BbJson(Slip s) => new()
    {
        ["numeroBoletoBB"] = s.Id,
        ["codigoEstadoTituloCobranca"] = s.State switch { SlipState.Paid => 6, SlipState.Cancelled => 7, _ => 1 },
        ["estadoTituloCobranca"] = s.State switch { SlipState.Paid => "LIQUIDADO", SlipState.Cancelled => "BAIXADO", _ => "NORMAL" },
        ["dataRegistroTituloCobranca"] = s.IssueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        ["dataVencimentoTituloCobranca"] = s.DueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        ["valorOriginalTituloCobranca"] = s.Amount,
        ["codigoLinhaDigitavel"] = s.Linha,
        ["codigoBarraNumerico"] = s.Barcode,
        ["valorPagoSacado"] = s.AmountPaid ?? 0m,
        ["dataRecebimentoTitulo"] = s.PaidAt is { } at ? TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : string.Empty,
        ["qrCode"] = new JsonObject { ["url"] = string.Empty, ["txId"] = s.Txid ?? string.Empty, ["emv"] = s.PixCopiaECola ?? string.Empty },
    };

    // ------------------------------------------------------------------ Efí

    private async Task EfiCreateAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "efi").ConfigureAwait(false)) return;
        var body = Parse(await BodyAsync(ctx).ConfigureAwait(false)) as JsonObject;
        var items = body?["items"] as JsonArray;
        var billet = body?["payment"]?["banking_billet"] as JsonObject;
        var customer = billet?["customer"] as JsonObject;
        var due = Date(billet?["expire_at"], "yyyy-MM-dd");
        long total = 0;
        foreach (var item in items ?? [])
        {
            var v = Long(item?["value"]);
            var q = Long(item?["amount"]) ?? 1;
            if (v is not > 0 || Text(item?["name"]) is null) { total = -1; break; }
            total += v.Value * q;
        }

        string? error = items is null || items.Count == 0 || total <= 0 ? "items: informe nome e valor (centavos) de cada item"
            : customer is null || Text(customer["name"]) is null || (Text(customer["cpf"]) is null && customer["juridical_person"] is null) ? "customer: nome e cpf (ou juridical_person) são obrigatórios"
            : due is null ? "expire_at: data inválida" : null;
        if (error is not null)
        {
            await JsonAsync(ctx, 400, new JsonObject { ["code"] = 3500034, ["error"] = "validation_error", ["error_description"] = error }).ConfigureAwait(false);
            return;
        }

        JsonObject json;
        lock (_gate)
        {
            var id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
            var slip = New("efi", id, Text(body?["metadata"]?["custom_id"]) ?? string.Empty, total / 100m, due!.Value, hybrid: true);
            slip.Payer = Text(customer!["name"]);
            if (Uri.TryCreate(Text(body?["metadata"]?["notification_url"]), UriKind.Absolute, out var n)) slip.NotificationUrl = n;
            Register(slip);
            json = EfiJson(slip, detail: false);
        }

        await JsonAsync(ctx, 200, new JsonObject { ["code"] = 200, ["data"] = json }).ConfigureAwait(false);
    }

    private async Task EfiGetAsync(HttpContext ctx, string id)
    {
        if (!await AuthorizedAsync(ctx, "efi").ConfigureAwait(false)) return;
        JsonObject? json;
        lock (_gate) json = _slips.FirstOrDefault(x => x.Bank == "efi" && x.Id == id) is { } s ? EfiJson(s, detail: true) : null;
        if (json is null) await JsonAsync(ctx, 404, new JsonObject { ["code"] = 3500010, ["error"] = "charge_not_found", ["error_description"] = "Cobrança não encontrada." }).ConfigureAwait(false);
        else await JsonAsync(ctx, 200, new JsonObject { ["code"] = 200, ["data"] = json }).ConfigureAwait(false);
    }

    private async Task EfiListAsync(HttpContext ctx)
    {
        if (!await AuthorizedAsync(ctx, "efi").ConfigureAwait(false)) return;
        var q = ctx.Request.Query;
        var from = Date(q["begin_date"].ToString(), "yyyy-MM-dd");
        var to = Date(q["end_date"].ToString(), "yyyy-MM-dd");
        if (from is null || to is null)
        {
            await JsonAsync(ctx, 400, new JsonObject { ["code"] = 3500034, ["error"] = "validation_error", ["error_description"] = "begin_date e end_date são obrigatórias" }).ConfigureAwait(false);
            return;
        }

        var custom = q["custom_id"].ToString();
        var limit = int.TryParse(q["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 100;
        var page = int.TryParse(q["page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(1, p) : 1;
        List<JsonObject> all;
        lock (_gate)
        {
            all = [.. _slips.Where(s => s.Bank == "efi" && s.IssueDate >= from && s.IssueDate <= to && (custom.Length == 0 || s.Reference == custom))
                .Select(s => EfiJson(s, detail: true))];
        }

        await JsonAsync(ctx, 200, new JsonObject { ["code"] = 200, ["data"] = new JsonArray([.. all.Skip((page - 1) * limit).Take(limit)]) }).ConfigureAwait(false);
    }

    private async Task EfiNotificationAsync(HttpContext ctx, string token)
    {
        if (!await AuthorizedAsync(ctx, "efi").ConfigureAwait(false)) return;
        JsonArray? events = null;
        lock (_gate)
        {
            if (_slips.FirstOrDefault(x => x.Bank == "efi" && x.NotificationToken == token) is { } s)
            {
                events = [];
                var previous = (string?)null;
                for (var i = 0; i < s.Events.Count; i++)
                {
                    var current = s.Events[i] switch { "registered" => "waiting", "paid" => "paid", "cancelled" => "canceled", _ => "new" };
                    events.Add(new JsonObject
                    {
                        ["id"] = i + 1, ["type"] = "charge", ["custom_id"] = s.Reference,
                        ["status"] = new JsonObject { ["current"] = current, ["previous"] = previous },
                        ["identifiers"] = new JsonObject { ["charge_id"] = long.Parse(s.Id, CultureInfo.InvariantCulture) },
                    });
                    previous = current;
                }
            }
        }

        if (events is null) await JsonAsync(ctx, 404, new JsonObject { ["code"] = 3500010, ["error"] = "notification_not_found", ["error_description"] = "Token de notificação inválido." }).ConfigureAwait(false);
        else await JsonAsync(ctx, 200, new JsonObject { ["code"] = 200, ["data"] = events }).ConfigureAwait(false);
    }

    private static JsonObject EfiJson(Slip s, bool detail)
    {
        var status = s.State switch { SlipState.Paid => "paid", SlipState.Cancelled => "canceled", _ => "waiting" };
        var formatted = s.Linha is { Length: 47 } l ? $"{l[..5]}.{l[5..10]} {l[10..15]}.{l[15..21]} {l[21..26]}.{l[26..32]} {l[32]} {l[33..]}" : null;
        var billet = new JsonObject
        {
            ["barcode"] = formatted, ["link"] = $"https://boleto.sandbox.example/{s.Id}", ["pdf"] = new JsonObject { ["charge"] = $"https://boleto.sandbox.example/{s.Id}.pdf" },
            ["expire_at"] = Iso(s.DueDate), ["pix"] = s.PixCopiaECola is null ? null : new JsonObject { ["qrcode"] = s.PixCopiaECola, ["qrcode_image"] = "data:image/svg+xml;base64," },
        };
        var json = new JsonObject
        {
            ["charge_id"] = long.Parse(s.Id, CultureInfo.InvariantCulture), ["status"] = status, ["total"] = (long)(s.Amount * 100), ["custom_id"] = s.Reference,
            ["created_at"] = Iso(s.IssueDate) + " 10:00:00",
        };
        if (s.PaidAt is { } at)
        {
            json["paid_at"] = TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            json["paid_value"] = (long)((s.AmountPaid ?? s.Amount) * 100);
        }

        if (detail) json["payment"] = new JsonObject { ["method"] = "banking_billet", ["banking_billet"] = billet };
        else
        {
            foreach (var (k, v) in billet.ToList())
            {
                billet.Remove(k);
                json[k] = v;
            }

            json["payment"] = "banking_billet";
        }

        return json;
    }

    // ------------------------------------------------------------------ CNAB 240 retorno

    /// <summary>
    /// A CNAB 240 retorno file (FEBRABAN layout, as docs/boleto-providers.md §3.1 describes it) with one segment T + U
    /// pair, movimento 06 (liquidação), per boleto of <paramref name="bank"/> paid on <paramref name="day"/>: header de
    /// arquivo (pos 143 = "2"), header de lote, details, trailer de lote (record count) and trailer de arquivo. Lines
    /// are 240 characters, CRLF-separated.
    /// </summary>
    /// <param name="bank">The bank.</param>
    /// <param name="day">The payment day (São Paulo).</param>
    /// <param name="fileSequence">The NSA (file sequence number).</param>
    public string GenerateCnab240Retorno(string bank, DateOnly day, int fileSequence = 1)
    {
        List<Slip> paid;
        lock (_gate)
        {
            paid = [.. _slips.Where(s => s.Bank == bank && s.State == SlipState.Paid && s.PaidAt is { } at
                && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BrazilTime.Zone).DateTime) == day)];
        }

        var code = bank switch { "inter" => "077", "sicoob" => "756", "bb" => "001", _ => "364" };
        var lines = new List<string>();
        var now = TimeZoneInfo.ConvertTime(_options.TimeProvider.GetUtcNow(), BrazilTime.Zone);
        var header = Blank();
        Put(header, 1, code);
        Put(header, 4, "0000");
        Put(header, 8, "0");
        Put(header, 18, "2");
        Put(header, 19, "12345678000195");
        Put(header, 73, "ISP SANDBOX LTDA".PadRight(30));
        Put(header, 103, ("BANCO " + bank.ToUpperInvariant()).PadRight(30));
        Put(header, 143, "2");
        Put(header, 144, now.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
        Put(header, 152, now.ToString("HHmmss", CultureInfo.InvariantCulture));
        Put(header, 158, fileSequence.ToString("D6", CultureInfo.InvariantCulture));
        Put(header, 164, "087");
        lines.Add(new string(header));

        var lote = Blank();
        Put(lote, 1, code);
        Put(lote, 4, "0001");
        Put(lote, 8, "1");
        Put(lote, 9, "T");
        Put(lote, 10, "01");
        lines.Add(new string(lote));

        var n = 0;
        foreach (var s in paid)
        {
            var at = TimeZoneInfo.ConvertTime(s.PaidAt!.Value, BrazilTime.Zone);
            var t = Blank();
            Put(t, 1, code);
            Put(t, 4, "0001");
            Put(t, 8, "3");
            Put(t, 9, (++n).ToString("D5", CultureInfo.InvariantCulture));
            Put(t, 14, "T");
            Put(t, 16, "06");
            Put(t, 38, (s.NossoNumero ?? s.Id).PadLeft(20, '0')[^20..]);
            Put(t, 58, "1");
            Put(t, 59, s.Reference.PadRight(15)[..15]);
            Put(t, 74, s.DueDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
            Put(t, 82, Cents(s.Amount, 15));
            Put(t, 97, code);
            Put(t, 106, s.Reference.PadRight(25)[..25]);
            Put(t, 199, Cents(0m, 15));
            lines.Add(new string(t));

            var u = Blank();
            Put(u, 1, code);
            Put(u, 4, "0001");
            Put(u, 8, "3");
            Put(u, 9, (++n).ToString("D5", CultureInfo.InvariantCulture));
            Put(u, 14, "U");
            Put(u, 16, "06");
            var paidAmount = s.AmountPaid ?? s.Amount;
            Put(u, 18, Cents(Math.Max(0m, paidAmount - s.Amount), 15));
            Put(u, 33, Cents(Math.Max(0m, s.Amount - paidAmount), 15));
            Put(u, 78, Cents(paidAmount, 15));
            Put(u, 93, Cents(paidAmount, 15));
            Put(u, 138, at.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
            Put(u, 146, at.AddDays(1).ToString("ddMMyyyy", CultureInfo.InvariantCulture));
            lines.Add(new string(u));
        }

        var trailerLote = Blank();
        Put(trailerLote, 1, code);
        Put(trailerLote, 4, "0001");
        Put(trailerLote, 8, "5");
        Put(trailerLote, 18, (n + 2).ToString("D6", CultureInfo.InvariantCulture));
        lines.Add(new string(trailerLote));

        var trailer = Blank();
        Put(trailer, 1, code);
        Put(trailer, 4, "9999");
        Put(trailer, 8, "9");
        Put(trailer, 18, "000001");
        Put(trailer, 24, (lines.Count + 1).ToString("D6", CultureInfo.InvariantCulture));
        lines.Add(new string(trailer));
        return string.Join("\r\n", lines) + "\r\n";

        static char[] Blank() => new string(' ', 240).ToCharArray();
        static void Put(char[] line, int position, string value) => value.AsSpan().CopyTo(line.AsSpan(position - 1));
        static string Cents(decimal amount, int width) => ((long)decimal.Round(amount * 100m)).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    // ------------------------------------------------------------------ helpers

    private static async Task<string> BodyAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? (string.IsNullOrWhiteSpace(s) ? null : s)
        : v.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture) : null
        : null;

    private static long? Long(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var l) ? l : v.TryGetValue<string>(out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var p) ? p : null
        : null;

    private static long? Long(string text) => long.TryParse(text, CultureInfo.InvariantCulture, out var l) ? l : null;

    private static decimal? Dec(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static DateOnly? Date(JsonNode? node, string format) => Date(Text(node), format);

    private static DateOnly? Date(string? text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Violation(string property, string reason) => new() { ["propriedade"] = property, ["razao"] = reason };

    private static Task NotFoundAsync(HttpContext ctx, string bank) => bank switch
    {
        "sicoob" => SicoobErrorAsync(ctx, 404, ["Boleto não encontrado."]),
        "bb" => BbErrorAsync(ctx, 404, [("4874916", "Boleto não encontrado.")]),
        _ => JsonAsync(ctx, 404, new JsonObject { ["title"] = "Não encontrado", ["detail"] = "Cobrança não encontrada." }),
    };

    private static Task BadRequestAsync(HttpContext ctx, string bank, string code, string message) => bank switch
    {
        "sicoob" => SicoobErrorAsync(ctx, 400, [message]),
        "bb" => BbErrorAsync(ctx, 400, [(code, message)]),
        _ => JsonAsync(ctx, 400, new JsonObject { ["title"] = "Requisição inválida", ["detail"] = message }),
    };

    private static async Task JsonAsync(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _webhookClient.Dispose();
    }

    private enum SlipState
    {
        Processing,
        Open,
        Paid,
        Cancelled,
    }

    private sealed class Slip
    {
        public required string Bank { get; init; }
        public required string Id { get; init; }
        public required string Reference { get; init; }
        public required decimal Amount { get; init; }
        public required DateOnly DueDate { get; init; }
        public required DateOnly IssueDate { get; init; }
        public required bool Hybrid { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public required string NotificationToken { get; init; }
        public DateTimeOffset RegisteredAt { get; set; }
        public SlipState State { get; set; } = SlipState.Processing;
        public string? NossoNumero { get; set; }
        public string? Barcode { get; set; }
        public string? Linha { get; set; }
        public string? Txid { get; set; }
        public string? PixCopiaECola { get; set; }
        public string? Payer { get; set; }
        public Uri? NotificationUrl { get; set; }
        public decimal? AmountPaid { get; set; }
        public DateTimeOffset? PaidAt { get; set; }
        public bool PaidViaPix { get; set; }
        public List<string> Events { get; } = [];

        public BoletoSandboxBoleto Snapshot(DateOnly today) => new(Bank, Id, Reference,
            Bank == "inter" ? InterStatus(this, today) : State.ToString(), Amount, DueDate, Barcode, Linha, PixCopiaECola, AmountPaid, PaidAt);
    }
}
