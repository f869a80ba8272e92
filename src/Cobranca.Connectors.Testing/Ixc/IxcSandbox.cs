using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>
/// An HTTP sandbox that behaves like an IXC Provedor webservice v1 (<c>/webservice/v1/{table-or-resource}</c>) on
/// 127.0.0.1 with an ephemeral port. It reproduces the quirks integrators hit: documents and phones match only in
/// their masked form, four phone fields, every value a string, <c>registros</c> missing on an empty page, errors under
/// HTTP 200 (<c>{"type":"error"}</c>, <c>{"tipo":"erro"}</c>, HTML fragments, an empty <c>get_boleto</c> body), HTTP 500
/// from <c>get_pix</c> for a missing invoice, <c>ixcsoft: listar</c> required on listings (404 otherwise), 500 for fields
/// not in <c>tabela.campo</c> form, and the IP allow-list message. State changes are real: trust unlock (once until
/// paid, ending on its return date by <see cref="IxcSandboxOptions.TimeProvider"/>), block/unblock (<c>status_internet</c>),
/// <c>get_pix</c> creating a charge, disconnects and payments
/// (<see cref="PayInvoice"/>). Faults can be injected and every request is logged.
/// </summary>
public sealed class IxcSandbox : IAsyncDisposable
{
    private const string Prefix = "/webservice/v1/";
    private static readonly string[] Tables = ["cliente", "cliente_contrato", "fn_areceber", "radusuarios"];

    private readonly WebApplication _app;
    private readonly IxcSandboxOptions _options;
    private readonly IxcSandboxStore _store;
    private readonly Queue<IxcSandboxRequest> _requests = new();
    private readonly List<(IxcSandboxFault Fault, string? Resource)> _faults = [];
    private readonly Dictionary<string, int> _pixCalls = new(StringComparer.Ordinal);
    private (string Key, long Version, List<Dictionary<string, string>> Rows)? _listingCache;
    private long _requestCount;

    private IxcSandbox(WebApplication app, IxcSandboxOptions options, IxcSandboxStore store, Uri baseUrl)
    {
        _app = app;
        _options = options;
        _store = store;
        BaseUrl = baseUrl;
    }

    /// <summary>The root to give an IXC client, <c>http://127.0.0.1:{port}</c> (<c>https</c> with <see cref="IxcSandboxOptions.ServerCertificate"/>; the client appends <c>/webservice/v1</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The webservice user id the sandbox accepts.</summary>
    public string UserId => _options.UserId;

    /// <summary>The token the sandbox accepts.</summary>
    public string Token => _options.Token;

    /// <summary>"Today" in America/Sao_Paulo for the sandbox's clock.</summary>
    public DateOnly Today => BrazilTime.Today(_options.TimeProvider);

    /// <summary>
    /// When true, every call is answered like a caller whose IP is not in the webservice user's allow-list:
    /// HTTP 200 with <c>{"type":"error","message":"Seu IP não está liberado para efetuar login!"}</c>.
    /// </summary>
    public bool RejectCallerIp { get; set; }

    /// <summary>
    /// Called with each request as it arrives, before faults are applied: a test can react to one call (for example
    /// inject a fault for the reads that follow a write). Null by default.
    /// </summary>
    public Action<IxcSandboxRequest>? RequestReceived { get; set; }

    /// <summary>How many requests the sandbox has received since it started (whatever the request log keeps).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>
    /// The requests received so far, in arrival order: the last <see cref="IxcSandboxOptions.RequestLogLimit"/> of them
    /// (none when the limit is 0). <see cref="RequestCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<IxcSandboxRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Starts a sandbox seeded with <see cref="IxcSandboxData"/> plus generated customers.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<IxcSandbox> StartAsync(IxcSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new IxcSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GeneratedCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestLogLimit);
        var store = options.Data is { } data
            ? IxcSandboxStore.FromDataSet(data)
            : IxcSandboxStore.Seed(BrazilTime.Today(options.TimeProvider), options.GeneratedCustomers, options.Seed);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.ServerCertificate is { } certificate) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        IxcSandbox? sandbox = null;
        app.Map("/{**path}", (HttpContext context) => sandbox!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox = new IxcSandbox(app, options, store, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
        return sandbox;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests for <paramref name="resource"/> (any resource when null).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="resource">A table or resource name (<c>cliente</c>, <c>get_pix</c> ...), or null for any.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void InjectFault(IxcSandboxFault fault, string? resource = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_faults)
        {
            for (var i = 0; i < times; i++) _faults.Add((fault, resource));
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void ClearFaults()
    {
        lock (_faults) _faults.Clear();
    }

    /// <summary>Forgets the logged requests.</summary>
    public void ClearRequests()
    {
        lock (_requests) _requests.Clear();
    }

    /// <summary>How many times <c>get_pix</c> created a new charge for the invoice (a second call reuses it).</summary>
    /// <param name="invoiceId">The invoice id.</param>
    public int PixChargesCreated(string invoiceId)
    {
        lock (_store.Gate) return _pixCalls.GetValueOrDefault(invoiceId);
    }

    /// <summary>A copy of one row as IXC would return it (secrets included, as IXC does), or null.</summary>
    /// <param name="table"><c>cliente</c>, <c>cliente_contrato</c>, <c>fn_areceber</c> or <c>radusuarios</c>.</param>
    /// <param name="id">The row id.</param>
    public IReadOnlyDictionary<string, string>? GetRow(string table, string id)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(id);
        if (!_store.HasTable(table)) throw new ArgumentException($"Unknown table '{table}'.", nameof(table));
        lock (_store.Gate) return _store.Find(table, id) is { } row ? new Dictionary<string, string>(row) : null;
    }

    /// <summary>
    /// Inserts or updates a row (string values, as IXC stores them; <c>id</c> is required and numeric). Fields left out keep
    /// their current value, or are <c>""</c> in a new row.
    /// </summary>
    /// <param name="table"><c>cliente</c>, <c>cliente_contrato</c>, <c>fn_areceber</c> or <c>radusuarios</c>.</param>
    /// <param name="row">The fields.</param>
    public void UpsertRow(string table, IReadOnlyDictionary<string, string> row)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        if (!_store.HasTable(table)) throw new ArgumentException($"Unknown table '{table}'.", nameof(table));
        if (!row.TryGetValue("id", out var id) || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new ArgumentException("The row needs a numeric 'id'.", nameof(row));
        lock (_store.Gate)
        {
            // Omitted fields keep their current value, or IXC's empty "" for a new row: IXC always returns every field.
            var full = _store.Find(table, id) is { } existing
                ? new Dictionary<string, string>(existing, StringComparer.Ordinal)
                : IxcSandboxStore.Fields(table).ToDictionary(f => f, _ => "", StringComparer.Ordinal);
            foreach (var (key, value) in row) full[key] = value;
            _store.Upsert(table, full);
        }
    }

    /// <summary>
    /// Records a payment (the "baixa"): adds <paramref name="amount"/> (default: all that is open) to <c>valor_recebido</c>;
    /// when nothing is left the invoice becomes <c>R</c>. Paying an overdue invoice re-enables the contract's trust unlock,
    /// and a contract blocked for late payment with nothing overdue left is released, as IXC's automatic release does.
    /// </summary>
    /// <param name="invoiceId">The invoice id.</param>
    /// <param name="amount">The amount paid; null pays everything open.</param>
    /// <exception cref="InvalidOperationException">No such open invoice.</exception>
    public void PayInvoice(string invoiceId, decimal? amount = null)
    {
        ArgumentNullException.ThrowIfNull(invoiceId);
        lock (_store.Gate)
        {
            _store.Touch();
            var row = _store.Find(IxcSandboxStore.Areceber, invoiceId);
            if (row is null || row["status"] is not ("A" or "P")) throw new InvalidOperationException($"Invoice {invoiceId} is not open.");
            var open = Dec(row["valor_aberto"]);
            var paid = Math.Min(amount ?? open, open);
            if (paid <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "The amount must be positive.");
            row["valor_recebido"] = Str(Dec(row["valor_recebido"]) + paid);
            row["valor_aberto"] = Str(open - paid);
            var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            row["ultima_atualizacao"] = today + " 12:00:00";
            if (open - paid > 0) row["status"] = _options.PartialPaymentStatus;
            else
            {
                row["status"] = "R";
                row["pagamento_data"] = today;
                row["baixa_data"] = today + " 12:00:00";
            }

            // The customer's rows only (indexed), not the whole tables.
            string[] customer = [row["id_cliente"]];
            var overdueLeft = _store.RowsWhere(IxcSandboxStore.Areceber, "id_cliente", customer).Any(r => r["status"] is "A" or "P"
                && r["liberado"] == "S" && string.CompareOrdinal(r["data_vencimento"], today) < 0);
            foreach (var contract in _store.RowsWhere(IxcSandboxStore.Contrato, "id_cliente", customer))
            {
                if (string.CompareOrdinal(row["data_vencimento"], today) < 0) _store.TrustUsed.Remove(contract["id"]);
                if (overdueLeft) continue;
                if (contract["status_internet"] is "CA" or "FA") contract["status_internet"] = "A";
                contract["desbloqueio_confianca_ativo"] = "N"; // paid: the release is no longer on trust

            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    // ------------------------------------------------------------ HTTP

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var path = request.Path.Value ?? "/";
        var logged = new IxcSandboxRequest(request.Method, path, headers, body);
        if (_options.RequestLogLimit > 0)
        {
            lock (_requests)
            {
                while (_requests.Count >= _options.RequestLogLimit) _requests.Dequeue();
                _requests.Enqueue(logged);
            }
        }
        RequestReceived?.Invoke(logged);

        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.Length == Prefix.Length)
        {
            await Write(context, 404, "text/html", "<html><body>Not Found</body></html>").ConfigureAwait(false);
            return;
        }
        var resource = path[Prefix.Length..].TrimEnd('/');

        IxcSandboxFault? fault = null;
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Resource is null || f.Resource == resource);
            if (index >= 0)
            {
                fault = _faults[index].Fault;
                _faults.RemoveAt(index);
            }
        }
        if (fault is not null)
        {
            switch (fault.Kind)
            {
                case IxcSandboxFaultKind.Latency:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case IxcSandboxFaultKind.HttpStatus:
                    await Write(context, fault.StatusCode, "text/html", $"<html><body><h1>{fault.StatusCode}</h1></body></html>").ConfigureAwait(false);
                    return;
                case IxcSandboxFaultKind.HtmlError:
                    await Write(context, 200, "text/html", HtmlError).ConfigureAwait(false);
                    return;
                case IxcSandboxFaultKind.MalformedJson:
                    await Write(context, 200, "text/x-json", "{\"page\":\"1\",\"total\":\"3\",\"registros\":[{\"id\":\"1\",").ConfigureAwait(false);
                    return;
                case IxcSandboxFaultKind.ConnectionReset:
                    context.Abort();
                    return;
                case IxcSandboxFaultKind.ResetMidBody or IxcSandboxFaultKind.TruncatedBody:
                    await AnswerCutAsync(context, fault.Kind, () => AnswerAsync(context, request, headers, resource, body, 0)).ConfigureAwait(false);
                    return;
            }
        }

        await AnswerAsync(context, request, headers, resource, body, fault?.Kind == IxcSandboxFaultKind.ShortPage ? fault.MissingRows : 0).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="answer"/> into a buffer, then sends half of it: announced whole and aborted, or as a complete shorter reply.</summary>
    private static async Task AnswerCutAsync(HttpContext context, IxcSandboxFaultKind kind, Func<Task> answer)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await answer().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        var bytes = captured.ToArray();
        var half = bytes.Length / 2;
        context.Response.ContentLength = kind == IxcSandboxFaultKind.ResetMidBody ? bytes.Length : half;
        await original.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
        await original.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        // ResetMidBody: returning with fewer bytes than the announced Content-Length makes Kestrel close the connection
        // (an orderly close, so the client reliably gets the headers and the first half, then the break). An abortive
        // reset here could discard the bytes already sent before the client read them.
    }

    private async Task AnswerAsync(HttpContext context, HttpRequest request, Dictionary<string, string> headers, string resource, string body, int missingRows)
    {
        ExpireTrustUnlocks();

        if (!Authorized(headers.GetValueOrDefault("authorization")))
        {
            await Write(context, 401, "text/html", "Token inválido ou usuário sem acesso ao webservice.").ConfigureAwait(false);
            return;
        }
        if (RejectCallerIp)
        {
            await WriteJson(context, ErrorBody("Seu IP não está liberado para efetuar login!")).ConfigureAwait(false);
            return;
        }
        bool refused;
        lock (_options.RefusedResources) refused = _options.RefusedResources.Contains(resource);
        if (refused)
        {
            await WriteJson(context, ErrorBody($"Recurso {resource} não está disponível!")).ConfigureAwait(false);
            return;
        }

        var listing = string.Equals(headers.GetValueOrDefault("ixcsoft"), "listar", StringComparison.OrdinalIgnoreCase);
        if (Array.IndexOf(Tables, resource) >= 0)
        {
            if (!listing)
            {
                await Write(context, 404, "text/html", "<html><body>Not Found</body></html>").ConfigureAwait(false);
                return;
            }
            if (!_options.AcceptPostListings && HttpMethods.IsPost(request.Method))
            {
                await Write(context, 200, "text/html", HtmlError).ConfigureAwait(false);
                return;
            }
            await ListAsync(context, resource, body, missingRows).ConfigureAwait(false);
            return;
        }

        Dictionary<string, string> args;
        try
        {
            args = ParseArgs(body);
        }
        catch (JsonException)
        {
            await Write(context, 200, "text/html", HtmlError).ConfigureAwait(false);
            return;
        }

        switch (resource)
        {
            case "get_boleto": await GetBoletoAsync(context, args).ConfigureAwait(false); break;
            case "get_pix": await GetPixAsync(context, args).ConfigureAwait(false); break;
            case "desbloqueio_confianca": await WriteJson(context, TrustUnlock(args.GetValueOrDefault("id", ""))).ConfigureAwait(false); break;
            case "cliente_contrato_15300": await WriteJson(context, SetAccess(args.GetValueOrDefault("id_contrato", ""), block: true)).ConfigureAwait(false); break;
            case "cliente_contrato_15464": await WriteJson(context, SetAccess(args.GetValueOrDefault("id_contrato", ""), block: false)).ConfigureAwait(false); break;
            case "desconectar_clientes": await WriteJson(context, Disconnect(args.GetValueOrDefault("id", ""))).ConfigureAwait(false); break;
            default: await WriteJson(context, ErrorBody($"Recurso {resource} não está disponível!")).ConfigureAwait(false); break;
        }
    }

    private const string HtmlError = "<div style=\"color:#a94442;padding:10px\">Ocorreu um erro ao processar a requisição. Tente novamente.</div>";

    private bool Authorized(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())) == $"{_options.UserId}:{_options.Token}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task ListAsync(HttpContext context, string table, string body, int missingRows)
    {
        IxcSandboxListing.Request? request;
        bool status500;
        try
        {
            request = IxcSandboxListing.Parse(table, body, out status500);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            await Write(context, 200, "text/html", HtmlError).ConfigureAwait(false);
            return;
        }
        if (request is null || status500)
        {
            await Write(context, 500, "text/html", "<b>Fatal error</b>: Unknown column in 'where clause'").ConfigureAwait(false);
            return;
        }

        List<Dictionary<string, string>> page;
        int total;
        lock (_store.Gate)
        {
            // Paging through one query (a dunning run over 100k invoices) filters and sorts once, not once per page.
            var key = request.CacheKey(table);
            if (_listingCache is not { } cached || cached.Key != key || cached.Version != _store.Version)
            {
                cached = (key, _store.Version, IxcSandboxListing.Query(_store, table, request));
                _listingCache = cached;
            }
            total = cached.Rows.Count;
            var skip = Math.Min((long)(request.Page - 1) * request.Rp, total);
            var count = (int)Math.Min(request.Rp, total - skip);
            count = Math.Max(0, count - missingRows); // a ShortPage fault: rows missing, total unchanged
            page = cached.Rows.GetRange((int)skip, count)
                .Select(r => new Dictionary<string, string>(r, StringComparer.Ordinal)).ToList();
        }
        using var buffer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("page", request.Page.ToString(CultureInfo.InvariantCulture));
            json.WriteString("total", total.ToString(CultureInfo.InvariantCulture));
            if (page.Count > 0) // IXC omits registros on an empty page
            {
                json.WriteStartArray("registros");
                foreach (var row in page)
                {
                    json.WriteStartObject();
                    foreach (var (key, value) in row) json.WriteString(key, value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/x-json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task GetBoletoAsync(HttpContext context, Dictionary<string, string> args)
    {
        string? pdf = null;
        lock (_store.Gate)
        {
            _store.Touch();
            if (_store.Find(IxcSandboxStore.Areceber, args.GetValueOrDefault("boletos", "")) is { } row)
            {
                if (row["linha_digitavel"].Length == 0)
                {
                    // Like IXC: asking for the boleto of an unregistered invoice registers one.
                    row["linha_digitavel"] = IxcSandboxStore.DigitableLine(row["id"]);
                    row["nn_boleto"] = "000" + row["id"].PadLeft(8, '0');
                }
                if (args.GetValueOrDefault("atualiza_boleto") == "S") row["ultima_atualizacao"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 12:00:00";
                pdf = MinimalPdf(row["id"], row["valor_aberto"], row["data_vencimento"]);
            }
        }
        if (pdf is null)
        {
            await Write(context, 200, "text/html", string.Empty).ConfigureAwait(false); // IXC: empty body for a missing invoice
            return;
        }
        var bytes = Encoding.ASCII.GetBytes(pdf);
        if (args.GetValueOrDefault("base64") == "S") await Write(context, 200, "text/html", Convert.ToBase64String(bytes)).ConfigureAwait(false);
        else
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/pdf";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task GetPixAsync(HttpContext context, Dictionary<string, string> args)
    {
        string? json = null;
        var missing = false;
        lock (_store.Gate)
        {
            _store.Touch();
            var row = _store.Find(IxcSandboxStore.Areceber, args.GetValueOrDefault("id_areceber", ""));
            if (row is null) missing = true;
            else if (row["status"] is not ("A" or "P")) json = ErrorBody("Não é possível gerar o Pix: o título não está em aberto.");
            else
            {
                if (row["pix_txid"].Length == 0)
                {
                    row["pix_txid"] = $"IXC{row["id"]}{Guid.NewGuid():N}"[..26].ToUpperInvariant();
                    _pixCalls[row["id"]] = _pixCalls.GetValueOrDefault(row["id"]) + 1;
                }
                var customer = _store.Find(IxcSandboxStore.Cliente, row["id_cliente"]);
                var code = SandboxBrCode.Build(row["valor_aberto"], row["pix_txid"], "PROVEDOR EXEMPLO", "ARACAJU");
                json = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["type"] = "success",
                    ["gateway"] = "sandbox",
                    ["pix"] = new Dictionary<string, object>
                    {
                        ["dadosPix"] = new Dictionary<string, object>
                        {
                            ["txid"] = row["pix_txid"],
                            ["status"] = "ATIVA",
                            ["valor"] = new Dictionary<string, string> { ["original"] = row["valor_aberto"] },
                            ["chave"] = "00000000-0000-0000-0000-000000000000",
                            ["devedor"] = new Dictionary<string, string>
                            {
                                ["cpf"] = new string((customer?.GetValueOrDefault("cnpj_cpf") ?? "").Where(char.IsAsciiDigit).ToArray()),
                                ["nome"] = customer?.GetValueOrDefault("razao") ?? "",
                            },
                            ["pixCopiaECola"] = code,
                        },
                        ["qrCode"] = new Dictionary<string, string> { ["qrcode"] = code, ["imagemQrcode"] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" },
                    },
                }, SandboxJsonContext.Default.DictionaryStringObject);
            }
        }
        if (missing) await Write(context, 500, "text/html", "<b>Fatal error</b>: Call to a member function on null").ConfigureAwait(false);
        else await WriteJson(context, json!).ConfigureAwait(false);
    }

    private string TrustUnlock(string contractId)
    {
        lock (_store.Gate)
        {
            _store.Touch();
            var contract = _store.Find(IxcSandboxStore.Contrato, contractId);
            if (contract is null) return Erro("106", "ID de contrato inexistente na base de dados.");
            if (contract["status"] is "I" or "D")
                return Erro("109", "Não é possível utilizar o desbloqueio de confiança, o contrato está inativo.");
            if (contract["status_internet"] == "A")
                return Erro("107", "O contrato já encontra-se ativo, não é necessário utilizar o desbloqueio de confiança.");
            if (_store.TrustUsed.Contains(contractId))
            {
                var used = contract["dt_ult_des_bloq_conf"];
                return Erro("113", $"O desbloqueio de confiança não está disponível para o contrato {contractId}, este recurso foi usado no dia {Br(used)} " +
                    $"e não foi realizado o pagamento até o dia {Br(contract["dt_retorno_desb_conf"] is { } r && !r.StartsWith('0') ? r : used)}, " +
                    "este recurso será habilitado novamente quando o título em atraso for pago.");
            }
            var today = Today;
            contract["status_internet"] = "A";
            contract["desbloqueio_confianca_ativo"] = "S";
            contract["dt_ult_des_bloq_conf"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            contract["dt_retorno_desb_conf"] = today.AddDays(_options.TrustUnlockDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _store.TrustUsed.Add(contractId);
            _store.TrustActive.Add(contractId);
            return JsonSerializer.Serialize(new Dictionary<string, string> { ["tipo"] = "sucesso", ["mensagem"] = "Desbloqueio de confiança efetuado com sucesso." },
                SandboxJsonContext.Default.DictionaryStringString);
        }
    }

    /// <summary>
    /// Like IXC, blocks again (CA) the contracts whose trust unlock reached its return date by the sandbox clock. Looks only
    /// at the contracts that may have one running (<see cref="IxcSandboxStore.TrustActive"/>), not at every contract.
    /// </summary>
    private void ExpireTrustUnlocks()
    {
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        lock (_store.Gate)
        {
            if (_store.TrustActive.Count == 0) return;
            foreach (var id in _store.TrustActive.ToArray())
            {
                if (_store.Find(IxcSandboxStore.Contrato, id) is not { } contract || contract["desbloqueio_confianca_ativo"] != "S")
                {
                    _store.TrustActive.Remove(id); // released, paid or blocked since: nothing running any more
                    continue;
                }
                var returns = contract.GetValueOrDefault("dt_retorno_desb_conf", "");
                if (returns.Length == 0 || returns.StartsWith("0000", StringComparison.Ordinal)
                    || string.CompareOrdinal(returns, today) > 0) continue; // no return date ("0000-00-00") never expires
                _store.TrustActive.Remove(id);
                _store.Touch();
                contract["desbloqueio_confianca_ativo"] = "N";
                contract["status_internet"] = "CA";
                contract["dt_ult_bloq_auto"] = today;
            }
        }
    }

    private string SetAccess(string contractId, bool block)
    {
        lock (_store.Gate)
        {
            _store.Touch();
            var contract = _store.Find(IxcSandboxStore.Contrato, contractId);
            if (contract is null) return ErrorBody("Contrato não encontrado!");
            contract["status_internet"] = block ? "CM" : "A";
            contract["desbloqueio_confianca_ativo"] = "N";
            if (block) contract["dt_ult_bloq_manual"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return SuccessBody(block ? "Contrato bloqueado com sucesso!" : "Contrato desbloqueado com sucesso!");
        }
    }

    private string Disconnect(string radiusUserId)
    {
        lock (_store.Gate)
        {
            _store.Touch();
            var login = _store.Find(IxcSandboxStore.Radusuarios, radiusUserId);
            if (login is null) return ErrorBody("Login não encontrado!");
            login["online"] = "N";
            login["motivo_desconexao"] = "Desconectado via API";
            return SuccessBody("Cliente desconectado com sucesso!");
        }
    }

    // ------------------------------------------------------------ helpers

    private static Dictionary<string, string> ParseArgs(string body)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body)) return args;
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return args;
        foreach (var p in doc.RootElement.EnumerateObject())
            args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
        return args;
    }

    private static string ErrorBody(string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = "error", ["message"] = message }, SandboxJsonContext.Default.DictionaryStringString);

    private static string SuccessBody(string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = "success", ["message"] = message }, SandboxJsonContext.Default.DictionaryStringString);

    private static string Erro(string code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["tipo"] = "erro", ["codigo"] = code, ["mensagem"] = message }, SandboxJsonContext.Default.DictionaryStringString);

    private static string Br(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : iso;

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Str(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    private static string MinimalPdf(string invoiceId, string amount, string due) =>
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
        $"% IXC sandbox boleto {invoiceId} valor {amount} vencimento {due}\ntrailer <</Root 1 0 R>>\n%%EOF\n";

    private static Task Write(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType + "; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    // IXC serves JSON errors and successes of "button" endpoints as text/html.
    private static Task WriteJson(HttpContext context, string json) => Write(context, 200, "text/html", json);
}
