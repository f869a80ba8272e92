using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Testing.Sgp;

/// <summary>
/// An HTTP sandbox that behaves like an SGP (TSMX) instance's URA API on 127.0.0.1 with an ephemeral port, seeded from
/// an <see cref="IspDataSet"/>. Reproduces what integrators measured: token + app in the form body (app compared
/// case-sensitively) or HTTP Basic; the two 403 texts ("incorretas" when the pair does not exist, "não foram fornecidas"
/// when it exists but is refused); the login page served with HTTP 200 outside the API; trailing slashes required;
/// <c>/api/ura/</c> and the legacy <c>/ws/ura/</c> prefixes; documents and phones returned formatted and matched on
/// digits only; padded <c>contratoStatusDisplay</c>, <c>"None"</c> strings, Brazilian dates in <c>dataCadastro</c>;
/// secrets in the rows (<c>servico_senha</c>, <c>contratoCentralSenha</c>); paging with <c>offset</c>/<c>limit</c>
/// capped at 250 (<c>titulos</c>) and 100 (<c>clientes</c>); the paired date-range 400; business errors under HTTP 200
/// with <c>status</c>/<c>msg</c>; <c>fatura2via</c> opening a service order unless <c>nao_gerar_os</c> and refusing a
/// CPF with several contracts; promises (<c>liberacaopromessa</c>) answering 1/0/2 with loose types and a per-month
/// limit, ending on the promise date by the sandbox clock; <c>contrato/status/edit</c> changing the contract;
/// RADIUS disconnects; payments (<c>baixar</c>). Faults can be injected and every request is logged.
/// </summary>
public sealed class SgpSandbox : IAsyncDisposable
{
    /// <summary>The 403 text for a token+app pair that does not exist (wrong token, or app name not matching in case).</summary>
    public const string WrongCredentialsText = "Credenciais de autenticação incorretas.";

    /// <summary>The 403 text for a pair that exists but is refused (inactive token, host not allowed, no permission).</summary>
    public const string RefusedCredentialsText = "As credenciais de autenticação não foram fornecidas.";

    private const string LoginPage = "<!DOCTYPE html><html lang=\"pt-br\"><head><title>SGP - Login</title></head><body>" +
        "<form method=\"post\" action=\"/accounts/login/?next=/admin/\"><input name=\"username\"><input type=\"password\" name=\"password\">" +
        "<button>Entrar</button></form></body></html>";

    private static readonly Dictionary<int, string> StatusNames = new()
    {
        [1] = "Ativo", [2] = "Inativo", [3] = "Cancelado", [4] = "Suspenso", [5] = "Inviabilidade Técnica", [6] = "Novo", [7] = "Ativo V. Reduzida",
    };

    private static readonly (int Id, string Text)[] Reasons = [(1, "Inadimplência"), (2, "Solicitação do cliente"), (3, "Promessa de pagamento"), (4, "Pagamento confirmado")];

    private static readonly JsonSerializerOptions Utf8Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly SgpSandboxOptions _options;
    private readonly SgpSandboxStore _store;
    private readonly List<SgpSandboxRequest> _requests = [];
    private readonly List<(SgpSandboxFault Fault, string? Endpoint)> _faults = [];
    private readonly List<string> _disconnected = [];
    private int _protocol = 100;

    private SgpSandbox(WebApplication app, SgpSandboxOptions options, SgpSandboxStore store, Uri baseUrl)
    {
        _app = app;
        _options = options;
        _store = store;
        BaseUrl = baseUrl;
    }

    /// <summary>The instance root to give an SGP client, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token the sandbox accepts.</summary>
    public string Token => _options.Token;

    /// <summary>The app name the sandbox accepts (case-sensitive).</summary>
    public string App => _options.App;

    /// <summary>"Today" in America/Sao_Paulo for the sandbox clock.</summary>
    public DateOnly Today => BrazilTime.Today(_options.TimeProvider);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<SgpSandboxRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Logins disconnected through <c>/ws/radius/disconnect/</c>, in order.</summary>
    public IReadOnlyList<string> DisconnectedLogins
    {
        get { lock (_store.Gate) return _disconnected.ToList(); }
    }

    /// <summary>Starts a sandbox.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SgpSandbox> StartAsync(SgpSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SgpSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GeneratedCustomers);
        var data = options.Data ?? IspDataGenerator.Generate(new IspDataGeneratorOptions
        {
            Today = BrazilTime.Today(options.TimeProvider), CustomerCount = options.GeneratedCustomers, Seed = options.Seed,
        });
        var store = SgpSandboxStore.FromDataSet(data);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SgpSandbox? sandbox = null;
        app.Map("/{**path}", (HttpContext context) => sandbox!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox = new SgpSandbox(app, options, store, new Uri(address.TrimEnd('/') + "/"));
        return sandbox;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests for <paramref name="endpoint"/> (any when null).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="endpoint">An endpoint as in <see cref="SgpSandboxRequest.Endpoint"/> (<c>titulos</c>, <c>liberacaopromessa</c> ...), or null.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void InjectFault(SgpSandboxFault fault, string? endpoint = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_faults)
        {
            for (var i = 0; i < times; i++) _faults.Add((fault, endpoint));
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

    /// <summary>A contract's status code (1 Ativo ... 7 Ativo V. Reduzida), or null when it does not exist.</summary>
    /// <param name="contractId">The contract id.</param>
    public int? ContractStatus(string contractId)
    {
        lock (_store.Gate) return Contract(contractId)?.Status;
    }

    /// <summary>Sets a contract's status code directly (as an operator would in SGP).</summary>
    /// <param name="contractId">The contract id.</param>
    /// <param name="status">1 to 7.</param>
    public void SetContractStatus(string contractId, int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 7);
        lock (_store.Gate) (Contract(contractId) ?? throw new ArgumentException($"No contract {contractId}.", nameof(contractId))).Status = status;
    }

    /// <summary>How many service orders (occurrences) <c>fatura2via</c> opened for the contract.</summary>
    /// <param name="contractId">The contract id.</param>
    public int ServiceOrdersOpened(string contractId)
    {
        lock (_store.Gate) return Contract(contractId)?.ServiceOrders ?? 0;
    }

    /// <summary>How many promises (trust unlocks) the contract used.</summary>
    /// <param name="contractId">The contract id.</param>
    public int PromisesUsed(string contractId)
    {
        lock (_store.Gate) return Contract(contractId)?.Promises.Count ?? 0;
    }

    /// <summary>A title's status (<c>aberto</c>, <c>pago</c>, <c>cancelado</c>) and what is left to pay, or null.</summary>
    /// <param name="invoiceId">The title id.</param>
    public (string Status, decimal Open)? Title(string invoiceId)
    {
        lock (_store.Gate) return FindTitle(invoiceId) is { } t ? (t.Status, t.Open) : null;
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
        var request = context.Request;
        var form = await ReadFormAsync(request, context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in request.Query) form.TryAdd(key, value.ToString());
        var path = request.Path.Value ?? "/";
        var logged = new SgpSandboxRequest(request.Method, path, headers, request.ContentType, form);
        lock (_requests) _requests.Add(logged);

        var fault = TakeFault(logged.Endpoint);
        switch (fault?.Kind)
        {
            case SgpSandboxFaultKind.Latency:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                break;
            case SgpSandboxFaultKind.HttpStatus:
                await Write(context, fault.StatusCode, "text/html", $"<html><body><h1>{fault.StatusCode}</h1></body></html>").ConfigureAwait(false);
                return;
            case SgpSandboxFaultKind.LoginPage:
                await Write(context, 200, "text/html; charset=utf-8", LoginPage).ConfigureAwait(false);
                return;
            case SgpSandboxFaultKind.MalformedJson:
                await Write(context, 200, "application/json", "{\"paginacao\":{\"offset\":0,\"limit\":250},\"titulos\":[{\"id\":1,").ConfigureAwait(false);
                return;
            case SgpSandboxFaultKind.EmptyBody:
                await Write(context, 200, "application/json", "").ConfigureAwait(false);
                return;
            case SgpSandboxFaultKind.ConnectionReset:
                context.Abort();
                return;
        }

        var (route, legacy) = Route(path);
        if (route is null)
        {
            // Outside the API SGP serves its web pages: an unauthenticated visitor gets the login page, with HTTP 200.
            await Write(context, 200, "text/html; charset=utf-8", LoginPage).ConfigureAwait(false);
            return;
        }
        if (!path.EndsWith('/'))
        {
            await Write(context, 404, "text/html", "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>").ConfigureAwait(false);
            return;
        }
        if ((legacy && !_options.ServeLegacyPrefix) || (!legacy && route.StartsWith("ura/", StringComparison.Ordinal) && !_options.ServeApiPrefix))
        {
            await Write(context, 404, "text/html", "<h1>Not Found</h1>").ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            await Json(context, 405, new JsonObject { ["detail"] = $"Método \"{request.Method}\" não é permitido." }).ConfigureAwait(false);
            return;
        }
        if (Authenticate(headers.GetValueOrDefault("authorization"), form) is { } refusal)
        {
            await Json(context, 403, new JsonObject { ["detail"] = refusal }).ConfigureAwait(false);
            return;
        }

        ExpirePromises();
        var (status, body) = Dispatch(route, form);
        if (fault?.Kind == SgpSandboxFaultKind.ResetAfterApplying)
        {
            context.Abort();
            return;
        }
        await Json(context, status, body).ConfigureAwait(false);
    }

    private SgpSandboxFault? TakeFault(string endpoint)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Endpoint is null || f.Endpoint == endpoint);
            if (index < 0) return null;
            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <summary>Maps a path to a route such as <c>ura/titulos</c> or <c>radius/disconnect</c>; null outside the API.</summary>
    private static (string? Route, bool Legacy) Route(string path)
    {
        var p = path.Trim('/');
        if (p.StartsWith("api/ura/", StringComparison.Ordinal)) return ("ura/" + p["api/ura/".Length..], false);
        if (p.StartsWith("ws/ura/", StringComparison.Ordinal)) return ("ura/" + p["ws/ura/".Length..], true);
        if (p.StartsWith("ws/radius/", StringComparison.Ordinal)) return ("radius/" + p["ws/radius/".Length..], false);
        if (p.StartsWith("api/banco/", StringComparison.Ordinal)) return ("banco/" + p["api/banco/".Length..], false);
        return (null, false);
    }

    private string? Authenticate(string? authorization, Dictionary<string, string> form)
    {
        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                return pair == $"{_options.BasicUser}:{_options.BasicPassword}" ? null : WrongCredentialsText;
            }
            catch (FormatException)
            {
                return WrongCredentialsText;
            }
        }
        var token = form.GetValueOrDefault("token");
        var app = form.GetValueOrDefault("app");
        if (token != _options.Token || app != _options.App) return WrongCredentialsText; // the pair does not exist (app is case-sensitive)
        return _options.TokenActive ? null : RefusedCredentialsText;
    }

    private (int Status, JsonNode Body) Dispatch(string route, Dictionary<string, string> f)
    {
        lock (_store.Gate)
        {
            switch (route)
            {
                case "ura/consultacliente": return (200, ConsultaCliente(f));
                case "ura/clientes": return (200, Clientes(f));
                case "ura/titulos": return Titulos(f);
                case "ura/fatura2via": return (200, Fatura2Via(f));
                case "ura/liberacaopromessa": return (200, Promessa(f));
                case "ura/verificaacesso": return (200, VerificaAcesso(f));
                case "ura/contrato/status/edit": return StatusEdit(f);
                case "ura/contrato/status/motivos":
                    return (200, new JsonObject { ["motivos"] = new JsonArray(Reasons.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["descricao"] = r.Text }).ToArray()) });
                case "radius/disconnect": return (200, Disconnect(f));
            }
            if (route.StartsWith("ura/pagamento/pix/", StringComparison.Ordinal)) return (200, Pix(route["ura/pagamento/pix/".Length..], f));
            if (route.StartsWith("banco/titulo/", StringComparison.Ordinal) && route.EndsWith("/baixar", StringComparison.Ordinal))
                return Baixar(route["banco/titulo/".Length..^"/baixar".Length], f);
            return (404, new JsonObject { ["detail"] = "Não encontrado." });
        }
    }

    // ------------------------------------------------------------ endpoints

    private JsonObject ConsultaCliente(Dictionary<string, string> f)
    {
        IEnumerable<SgpContractRecord> contracts = _store.Contracts.Values;
        var filtered = false;
        if (f.TryGetValue("cpfcnpj", out var document))
        {
            filtered = true;
            // Matched on the digits SGP stores behind the mask; a formatted value finds nothing.
            contracts = contracts.Where(c => document.Length > 0 && document.All(char.IsAsciiDigit) && Digits(_store.Customers[c.CustomerId].Document) == document);
        }
        if (f.TryGetValue("contrato", out var contract)) { filtered = true; contracts = contracts.Where(c => c.Id.ToString(CultureInfo.InvariantCulture) == contract); }
        if (f.TryGetValue("login", out var login)) { filtered = true; contracts = contracts.Where(c => string.Equals(c.Login, login, StringComparison.OrdinalIgnoreCase)); }
        if (f.TryGetValue("telefone", out var phone)) { filtered = true; contracts = contracts.Where(c => HasPhone(_store.Customers[c.CustomerId], phone)); }
        var rows = filtered ? contracts.Select(ContractRow).ToArray() : [];
        return new JsonObject
        {
            ["msg"] = rows.Length == 0 ? "Nenhum contrato localizado" : "Contrato(s) Localizado(s)",
            ["contratos"] = new JsonArray(rows),
        };
    }

    private JsonNode ContractRow(SgpContractRecord c)
    {
        var customer = _store.Customers[c.CustomerId];
        var open = _store.TitlesOfContract(c.Id).Where(t => t.Status == "aberto").ToList();
        return new JsonObject
        {
            ["contratoId"] = c.Id,
            ["clienteId"] = c.CustomerId,
            ["razaoSocial"] = customer.Name,
            ["cpfCnpj"] = customer.Document,
            ["contratoStatus"] = c.Status,
            ["contratoStatusDisplay"] = " " + StatusNames[c.Status] + " ",
            ["motivo_status"] = c.StatusReason ?? "None",
            ["planointernet"] = c.Plan,
            ["servico_plano"] = c.Plan,
            ["servico_login"] = c.Login,
            ["servico_senha"] = c.PppoePassword,
            ["servico_tipo_conexao"] = "PPPoE",
            ["contratoCentralLogin"] = Digits(customer.Document),
            ["contratoCentralSenha"] = c.CentralPassword,
            ["popId"] = 1,
            ["popNome"] = "POP CENTRO",
            ["cobVencimento"] = c.DueDay,
            ["contratoValorAberto"] = open.Sum(t => t.Open),
            ["contratoTitulosAReceber"] = open.Count,
            ["dataCadastro"] = c.Created.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 11:43:25",
            ["telefones"] = new JsonArray(customer.Phones.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
            ["emails"] = new JsonArray(customer.Emails.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["endereco_logradouro"] = customer.Street,
            ["endereco_numero"] = 100,
            ["endereco_complemento"] = "None",
            ["endereco_cidade"] = customer.City,
            ["endereco_cep"] = customer.PostalCode,
            ["link_quitacao"] = $"{BaseUrl}api/declaracao/quitacao/{c.Id:x}abc/{Today.Year}",
        };
    }

    private JsonObject Clientes(Dictionary<string, string> f)
    {
        IEnumerable<SgpCustomerRecord> customers = _store.CustomersInOrder;
        var filtered = false;
        if (f.TryGetValue("telefone", out var phone)) { filtered = true; customers = customers.Where(c => HasPhone(c, phone)); }
        if (f.TryGetValue("cpfcnpj", out var document)) { filtered = true; customers = customers.Where(c => document.All(char.IsAsciiDigit) && Digits(c.Document) == document); }
        if (f.TryGetValue("contrato", out var contract)) { filtered = true; customers = customers.Where(c => _store.ContractsOf(c.Id).Any(x => x.Id.ToString(CultureInfo.InvariantCulture) == contract)); }
        if (f.TryGetValue("login", out var login)) { filtered = true; customers = customers.Where(c => _store.ContractsOf(c.Id).Any(x => string.Equals(x.Login, login, StringComparison.OrdinalIgnoreCase))); }
        var (offset, limit) = Paging(f, 100);
        // Unfiltered (the whole-base walk): the page is a slice of the id-ordered array, O(page) and not a scan.
        var all = filtered ? customers.ToList() : null;
        var total = all?.Count ?? _store.CustomersInOrder.Length;
        IReadOnlyList<SgpCustomerRecord> page = all is not null ? all.Skip(offset).Take(limit).ToList()
            : _store.CustomersInOrder.AsSpan(Math.Min(offset, total), Math.Max(0, Math.Min(limit, total - offset))).ToArray();
        var rows = page.Select(c =>
        {
            var row = new JsonObject
            {
                ["id"] = c.Id,
                ["nome"] = c.Name,
                ["cpfcnpj"] = c.Document,
                ["contratos"] = new JsonArray(_store.ContractsOf(c.Id).Select(x => (JsonNode)new JsonObject
                {
                    ["contrato"] = x.Id, ["status"] = x.Status, ["statusDisplay"] = StatusNames[x.Status], ["login"] = x.Login, ["senha"] = x.PppoePassword,
                }).ToArray()),
            };
            if (!f.ContainsKey("omitir_contatos"))
            {
                row["contatos"] = new JsonArray(c.Phones.Select(p => (JsonNode)new JsonObject { ["tipo"] = "CELULAR", ["contato"] = p })
                    .Concat(c.Emails.Select(e => (JsonNode)new JsonObject { ["tipo"] = "EMAIL", ["contato"] = e })).ToArray());
            }
            if (!f.ContainsKey("omitir_titulos"))
                row["titulos"] = new JsonArray(_store.Titles.Values.Where(t => t.CustomerId == c.Id).Select(t => TitleRow(t, withLink: false)).ToArray());
            return (JsonNode)row;
        }).ToArray();
        return new JsonObject
        {
            ["paginacao"] = new JsonObject { ["offset"] = offset, ["limit"] = limit, ["parcial"] = rows.Length, ["total"] = total },
            ["clientes"] = new JsonArray(rows),
        };
    }

    private (int, JsonNode) Titulos(Dictionary<string, string> f)
    {
        foreach (var range in new[] { "data_vencimento", "data_pagamento" })
        {
            var hasStart = f.ContainsKey(range + "_inicio");
            var hasEnd = f.ContainsKey(range + "_fim");
            if (hasStart != hasEnd)
            {
                var (missing, given) = hasStart ? (range + "_fim", range + "_inicio") : (range + "_inicio", range + "_fim");
                return (400, new JsonObject { ["erro"] = $"[{missing}] obrigatória caso [{given}] informada" });
            }
        }
        IEnumerable<SgpTitleRecord> titles = _store.Titles.Values;
        if (f.TryGetValue("cpfcnpj", out var document)) titles = titles.Where(t => document.All(char.IsAsciiDigit) && Digits(_store.Customers[t.CustomerId].Document) == document);
        if (f.TryGetValue("cliente_id", out var customer)) titles = titles.Where(t => t.CustomerId.ToString(CultureInfo.InvariantCulture) == customer);
        if (f.TryGetValue("contrato", out var contract)) titles = titles.Where(t => t.ContractId.ToString(CultureInfo.InvariantCulture) == contract);
        if (f.TryGetValue("titulo_id", out var titleId)) titles = titles.Where(t => t.Id.ToString(CultureInfo.InvariantCulture) == titleId);
        if (f.TryGetValue("status", out var status))
        {
            var wanted = status switch { "abertos" => "aberto", "pagos" => "pago", "cancelados" => "cancelado", _ => null };
            if (wanted is null) return (400, new JsonObject { ["erro"] = "[status] inválido: use abertos, pagos ou cancelados" });
            titles = titles.Where(t => t.Status == wanted);
        }
        if (Dates(f, "data_vencimento") is { } due) titles = titles.Where(t => t.Due >= due.From && t.Due <= due.To);
        if (Dates(f, "data_pagamento") is { } paid) titles = titles.Where(t => t.PaidOn is { } on && on >= paid.From && on <= paid.To);
        var all = (f.GetValueOrDefault("ordenar") == "data_vencimento" ? titles.OrderBy(t => t.Due).ThenBy(t => t.Id) : titles.OrderBy(t => t.Id)).ToList();
        var (offset, limit) = Paging(f, 250);
        var page = all.Skip(offset).Take(limit).Select(t => TitleRow(t, withLink: true)).ToArray();
        return (200, new JsonObject
        {
            ["paginacao"] = new JsonObject { ["offset"] = offset, ["limit"] = limit, ["parcial"] = page.Length, ["total"] = all.Count },
            ["titulos"] = new JsonArray(page),
        });
    }

    private JsonNode TitleRow(SgpTitleRecord t, bool withLink)
    {
        var customer = _store.Customers[t.CustomerId];
        var days = t.Status == "aberto" ? Math.Max(0, Today.DayNumber - t.Due.DayNumber) : 0;
        var row = new JsonObject
        {
            ["id"] = t.Id,
            ["numeroDocumento"] = t.Id,
            ["portador"] = "SICOOB",
            ["clienteNome"] = customer.Name,
            ["clienteCpfcnpj"] = customer.Document,
            ["clienteContrato"] = t.ContractId,
            ["status"] = t.Status,
            ["valor"] = t.Amount,
            ["valorCorrigido"] = Corrected(t),
            ["valorPago"] = t.Status == "pago" ? t.PaidAmount.ToString("0.00", CultureInfo.InvariantCulture) : "0.00", // seen as a string
            ["valorPagoParcial"] = t.PaidPartial,
            ["diasAtraso"] = days,
            ["dataEmissao"] = Iso(t.Issued),
            ["dataVencimento"] = Iso(t.Due),
            ["dataPagamento"] = t.PaidOn is { } p ? Iso(p) : null,
            ["dataCancelamento"] = t.CancelledOn is { } c ? Iso(c) : null,
            ["codigoBarras"] = t.Status == "aberto" ? t.Line ?? "" : "",
            ["codigoPix"] = t.Status == "aberto" && t.PixTxid is not null ? PixCode(t) : "",
            ["link_cobranca"] = $"{BaseUrl}public/cobranca/{t.Id}-{t.Hash}/",
        };
        if (withLink) row["link"] = $"{BaseUrl}boleto/{t.Id}-{t.Hash}/";
        return row;
    }

    private JsonObject Fatura2Via(Dictionary<string, string> f)
    {
        List<SgpContractRecord> contracts;
        if (f.TryGetValue("contrato", out var contractId)) contracts = _store.Contracts.Values.Where(c => c.Id.ToString(CultureInfo.InvariantCulture) == contractId).ToList();
        else if (f.TryGetValue("cpfcnpj", out var document))
            contracts = _store.Contracts.Values.Where(c => document.All(char.IsAsciiDigit) && Digits(_store.Customers[c.CustomerId].Document) == document).ToList();
        else return new JsonObject { ["status"] = 0, ["msg"] = "Informe o cpfcnpj ou o contrato." };
        if (contracts.Count == 0) return new JsonObject { ["status"] = 0, ["msg"] = "Contrato não localizado." };
        if (contracts.Count > 1) return new JsonObject { ["status"] = 0, ["msg"] = "Favor informar o id do contrato" };
        var contract = contracts[0];
        var customer = _store.Customers[contract.CustomerId];
        var open = _store.Titles.Values.Where(t => t.ContractId == contract.Id && t.Status == "aberto").OrderBy(t => t.Due).ToList();
        if (f.TryGetValue("numero_documento", out var number)) open = open.Where(t => t.Id.ToString(CultureInfo.InvariantCulture) == number).ToList();
        if (!f.ContainsKey("faturas_abertas_todas")) open = open.Take(1).ToList();
        if (!f.ContainsKey("nao_gerar_os")) contract.ServiceOrders++; // SGP opens an occurrence for every second copy asked without nao_gerar_os
        var protocol = NextProtocol();
        if (open.Count == 0) return new JsonObject { ["status"] = 0, ["msg"] = "Não há faturas em aberto.", ["protocolo"] = protocol };
        var links = open.Select(t =>
        {
            if (!_options.EmptyPixInSecondCopy) t.PixTxid ??= "SGP" + t.Id.ToString(CultureInfo.InvariantCulture).PadLeft(12, '0');
            var link = new JsonObject
            {
                ["id"] = 40000 + t.Id,
                ["fatura"] = t.Id,
                ["valor"] = Corrected(t),
                ["valor_original"] = t.Open,
                ["vencimento"] = Iso(t.Due < Today ? Today.AddDays(2) : t.Due),
                ["vencimento_original"] = Iso(t.Due),
                ["linhadigitavel"] = FormatLine(t.Line),
                ["link"] = $"{BaseUrl}boleto/{t.Id}-{t.Hash}/",
                ["link_cobranca"] = $"{BaseUrl}public/cobranca/{t.Id}-{t.Hash}/",
                ["codigopix"] = _options.EmptyPixInSecondCopy ? "" : PixCode(t),
            };
            if (!_options.OmitPixHtmlLink) link["link_pix_html"] = $"{BaseUrl}pix/{t.Id}-{t.Hash}/html/";
            return (JsonNode)link;
        }).ToArray();
        return new JsonObject
        {
            ["status"] = 1,
            ["razaoSocial"] = customer.Name,
            ["cpfCnpj"] = customer.Document,
            ["contratoId"] = contract.Id,
            ["protocolo"] = protocol,
            ["link"] = links[0]!["link"]!.GetValue<string>(),
            ["link_cobranca"] = links[0]!["link_cobranca"]!.GetValue<string>(),
            ["links"] = new JsonArray(links),
        };
    }

    private JsonObject Pix(string titleId, Dictionary<string, string> f)
    {
        var title = FindTitle(titleId.TrimEnd('/'));
        if (title is null || title.ContractId.ToString(CultureInfo.InvariantCulture) != f.GetValueOrDefault("contrato"))
            return new JsonObject { ["status"] = 0, ["msg"] = "Fatura não localizada para o contrato informado." };
        if (title.Status != "aberto") return new JsonObject { ["status"] = 0, ["msg"] = "Fatura não está em aberto." };
        title.PixTxid ??= "SGP" + title.Id.ToString(CultureInfo.InvariantCulture).PadLeft(12, '0');
        return new JsonObject { ["status"] = 1, ["fatura"] = title.Id, ["codigoPix"] = PixCode(title), ["valor"] = Corrected(title) };
    }

    private JsonObject Promessa(Dictionary<string, string> f)
    {
        var contract = Contract(f.GetValueOrDefault("contrato") ?? "");
        if (contract is null) return new JsonObject { ["status"] = 0, ["liberado"] = false, ["msg"] = "Contrato não localizado." };
        var customer = _store.Customers[contract.CustomerId];
        JsonObject Echo(JsonObject o)
        {
            o["razaoSocial"] = customer.Name;
            o["cpfCnpj"] = customer.Document;
            o["contratoId"] = contract.Id;
            if (f.TryGetValue("uracontato", out var contact)) o["uracontato"] = contact;
            return o;
        }
        if (contract.Status is not (1 or 4 or 7))
            return Echo(new JsonObject { ["status"] = 0, ["liberado"] = "False", ["msg"] = "Contrato precisa estar ativo, suspenso ou com velocidade reduzida" });
        if (contract.Status == 1) return Echo(new JsonObject { ["status"] = 0, ["liberado"] = false, ["msg"] = "" }); // nothing to release
        var today = Today;
        if (contract.Promises.Count(p => p.Year == today.Year && p.Month == today.Month) >= _options.PromisesPerMonth)
            return Echo(new JsonObject { ["status"] = 2, ["liberado"] = false, ["msg"] = "O recurso de promessa de pagamento já atingiu quantidade permitida. Recurso não disponível" });
        var until = today.AddDays(_options.PromiseDays);
        contract.StatusBeforePromise = contract.Status;
        contract.Status = 1;
        contract.StatusReason = "Promessa de Pagamento";
        contract.PromiseUntil = until;
        contract.Promises.Add(today);
        return Echo(new JsonObject
        {
            ["status"] = "1", // loose types, as measured: status, liberado and liberado_dias may come as strings
            ["liberado"] = "True",
            ["liberado_dias"] = _options.PromiseDays.ToString(CultureInfo.InvariantCulture),
            ["data_promessa"] = Iso(until),
            ["protocolo"] = long.Parse(NextProtocol(), CultureInfo.InvariantCulture),
            ["msg"] = $"Liberação via URA -\nServiço ID: {contract.Id + 900}, Login: {contract.Login}\nMotivo: Promessa de Pagamento\n",
        });
    }

    /// <summary>Like SGP, suspends again the contracts whose promise date has passed by the sandbox clock.</summary>
    private void ExpirePromises()
    {
        var today = Today;
        lock (_store.Gate)
        {
            foreach (var c in _store.Contracts.Values.Where(c => c.PromiseUntil is { } until && until < today))
            {
                c.PromiseUntil = null;
                if (c.Status == 1 && _store.Titles.Values.Any(t => t.ContractId == c.Id && t.Status == "aberto" && t.Due < today))
                {
                    c.Status = c.StatusBeforePromise;
                    c.StatusReason = "Inadimplência";
                }
            }
        }
    }

    private JsonObject VerificaAcesso(Dictionary<string, string> f)
    {
        var contract = f.TryGetValue("contrato", out var id) ? Contract(id)
            : f.TryGetValue("telefone", out var phone) ? _store.Contracts.Values.FirstOrDefault(c => HasPhone(_store.Customers[c.CustomerId], phone)) : null;
        if (contract is null) return new JsonObject { ["status"] = 0, ["msg"] = "Contrato não localizado." };
        if (contract.Status is not (1 or 7) && !f.ContainsKey("status_all")) return new JsonObject { ["status"] = 0, ["msg"] = "Serviço Offline", ["contrato"] = contract.Id };
        var online = contract.Online && contract.Status is 1 or 7;
        return new JsonObject { ["status"] = online ? 1 : 0, ["msg"] = online ? "Serviço Online" : "Serviço Offline", ["servico_id"] = contract.Id + 900, ["contrato"] = contract.Id };
    }

    private (int, JsonNode) StatusEdit(Dictionary<string, string> f)
    {
        if (!int.TryParse(f.GetValueOrDefault("status"), NumberStyles.None, CultureInfo.InvariantCulture, out var status) || !StatusNames.ContainsKey(status))
            return (400, new JsonObject { ["erro"] = "[status] inválido" });
        var contract = Contract(f.GetValueOrDefault("contrato") ?? "");
        if (contract is null) return (200, new JsonObject { ["status"] = 0, ["msg"] = "Contrato não localizado." });
        string? reason = null;
        if (f.TryGetValue("motivo", out var motivo))
        {
            var found = Reasons.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == motivo);
            if (found.Text is null) return (200, new JsonObject { ["status"] = 0, ["msg"] = "Motivo inválido." });
            reason = found.Text;
        }
        contract.Status = status;
        contract.StatusReason = reason ?? "None";
        contract.PromiseUntil = null;
        return (200, new JsonObject { ["status"] = 1, ["msg"] = "Status do contrato alterado com sucesso.", ["contrato"] = contract.Id, ["contratoStatus"] = status });
    }

    private JsonObject Disconnect(Dictionary<string, string> f)
    {
        var login = f.GetValueOrDefault("login") ?? "";
        var contract = _store.Contracts.Values.FirstOrDefault(c => string.Equals(c.Login, login, StringComparison.OrdinalIgnoreCase));
        if (contract is null) return new JsonObject { ["status"] = 0, ["msg"] = "Login não localizado." };
        contract.Online = false;
        _disconnected.Add(contract.Login);
        return new JsonObject { ["status"] = 1, ["msg"] = "Sessão desconectada." };
    }

    private (int, JsonNode) Baixar(string titleId, Dictionary<string, string> f)
    {
        var title = FindTitle(titleId);
        if (title is null) return (404, new JsonObject { ["detail"] = "Não encontrado." });
        if (!DateOnly.TryParseExact(f.GetValueOrDefault("data_pagamento"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paidOn))
            return (400, new JsonObject { ["erro"] = "[data_pagamento] obrigatória no formato AAAA-MM-DD" });
        if (!decimal.TryParse(f.GetValueOrDefault("valor_pago"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return (400, new JsonObject { ["erro"] = "[valor_pago] inválido" });
        if (f.GetValueOrDefault("forma_pagamento") is not ("DINHEIRO" or "CARTAO" or "DEBITO" or "PIX"))
            return (400, new JsonObject { ["erro"] = "[forma_pagamento] inválida" });
        if (title.Status != "aberto") return (200, new JsonObject { ["status"] = 0, ["msg"] = $"Título {title.Id} não está em aberto." });
        var partial = f.ContainsKey("liquidacao_parcial");
        if (partial && amount < title.Open) title.PaidPartial += amount;
        else
        {
            title.PaidAmount = title.PaidPartial + amount;
            title.PaidPartial = 0;
            title.Status = "pago";
            title.PaidOn = paidOn;
        }
        return (200, new JsonObject { ["status"] = 1, ["msg"] = "Título baixado com sucesso.", ["titulo"] = title.Id });
    }

    // ------------------------------------------------------------ helpers

    private SgpContractRecord? Contract(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _store.Contracts.TryGetValue(key, out var c) ? c : null;

    private SgpTitleRecord? FindTitle(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _store.Titles.TryGetValue(key, out var t) ? t : null;

    private string NextProtocol() => Today.ToString("yyMMdd", CultureInfo.InvariantCulture) + (++_protocol).ToString("000000", CultureInfo.InvariantCulture);

    private decimal Corrected(SgpTitleRecord t)
    {
        if (t.Status != "aberto" || t.Due >= Today) return t.Open;
        var days = Today.DayNumber - t.Due.DayNumber;
        return Math.Round(t.Open * (1.02m + 0.00033m * days), 2, MidpointRounding.AwayFromZero);
    }

    private string PixCode(SgpTitleRecord t) => PixCodes.Build("7d9f0335-8dcc-4054-9bf9-0dbd61d36906", Corrected(t), "PROVEDOR EXEMPLO LTDA", "ARACAJU", t.PixTxid!);

    private (int Offset, int Limit) Paging(Dictionary<string, string> f, int max)
    {
        var offset = int.TryParse(f.GetValueOrDefault("offset"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(f.GetValueOrDefault("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, max) : max;
        if (_options.MaxRowsPerPage is { } cap) limit = Math.Min(limit, cap);
        return (offset, limit);
    }

    private static (DateOnly From, DateOnly To)? Dates(Dictionary<string, string> f, string range) =>
        DateOnly.TryParseExact(f.GetValueOrDefault(range + "_inicio"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
        && DateOnly.TryParseExact(f.GetValueOrDefault(range + "_fim"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            ? (from, to) : null;

    private static bool HasPhone(SgpCustomerRecord customer, string digits) =>
        digits.Length >= 10 && digits.All(char.IsAsciiDigit) && customer.Phones.Any(p => Digits(p) == digits);

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatLine(string? line)
    {
        if (line is not { Length: 47 }) return line ?? "";
        return $"{line[..5]}.{line[5..10]} {line[10..15]}.{line[15..21]} {line[21..26]}.{line[26..32]} {line[32]} {line[33..]}";
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in read) form[key] = value.ToString();
            return form;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return form;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return form;
            foreach (var p in doc.RootElement.EnumerateObject())
                form[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
        }
        catch (JsonException)
        {
            // SGP answers malformed JSON as if no parameter was sent.
        }
        return form;
    }

    private static Task Json(HttpContext context, int status, JsonNode body) =>
        Write(context, status, "application/json", body.ToJsonString(Utf8Json)); // SGP sends plain UTF-8 JSON without a charset

    private static Task Write(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
    }
}
