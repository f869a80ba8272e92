using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Testing.MkAuth;

/// <summary>
/// An HTTPS sandbox that behaves like an MK-Auth server's API (<c>https://host/api/…</c>) on 127.0.0.1 with an ephemeral
/// port and a self-signed certificate generated at start (pin <see cref="CertificateSha256"/>). JWTs come from
/// <c>GET /api/</c> with Basic <c>Client_Id:Client_Secret</c> and expire after 10 minutes by
/// <see cref="MkAuthSandboxOptions.TimeProvider"/>. It reproduces the quirks integrators hit: one row from
/// <c>cliente/show</c> whatever the number of logins of a CPF, CPF matched only as stored (masked or digits), not found as
/// <c>false</c>/<c>NULL</c>/<c>{"mensagem":"Registro não encontrado"}</c> under HTTP 200, <c>aberto</c> and
/// <c>vencido</c> as separate statuses, <c>{"Total":…}</c>, paging inside the path with the "past the last page" message,
/// <c>senha</c> in every customer row, version differences (<see cref="MkAuthSandboxProfile"/>). State changes are real:
/// block/unblock, trust unlock (observation until a date, re-blocked when it ends) and payments.
/// </summary>
public sealed class MkAuthSandbox : IAsyncDisposable
{
    private const string NotFoundText = "Registro não encontrado";
    private const string PhpWarning = "<br />\n<b>Warning</b>:  mysqli_connect(): Too many connections in <b>/opt/mk-auth/api/config.php</b> on line <b>12</b><br />\n";

    private readonly WebApplication _app;
    private readonly MkAuthSandboxOptions _options;
    private readonly MkAuthSandboxStore _store;
    private readonly List<MkAuthSandboxRequest> _requests = [];
    private readonly List<(MkAuthSandboxFault Fault, string? Route)> _faults = [];
    private byte[] _signingKey = RandomNumberGenerator.GetBytes(64);
    private int _tokensIssued;

    private MkAuthSandbox(WebApplication app, MkAuthSandboxOptions options, MkAuthSandboxStore store, Uri baseAddress, X509Certificate2 certificate)
    {
        _app = app;
        _options = options;
        _store = store;
        BaseAddress = baseAddress;
        Certificate = certificate;
        CertificateSha256 = CertificatePinning.Sha256Thumbprint(certificate);
    }

    /// <summary>The server root to give an MK-Auth client, <c>https://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The self-signed server certificate generated at start (public part).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's SHA-256 thumbprint (hex): what a client pins.</summary>
    public string CertificateSha256 { get; }

    /// <summary>The version profile.</summary>
    public MkAuthSandboxProfile Profile => _options.Profile;

    /// <summary>The Client_Id the sandbox accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The Client_Secret the sandbox accepts.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>"Today" in America/Sao_Paulo by the sandbox's clock.</summary>
    public DateOnly Today => BrazilTime.Today(_options.TimeProvider);

    /// <summary>How many JWTs were issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>How many rows <c>titulo/listar</c> and <c>titulo/listagem</c> return in all (cancelled titles count only in the legacy view).</summary>
    public int TitleRowCount => TitleRowsLocked(_ => true).Count;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<MkAuthSandboxRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Starts a sandbox.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MkAuthSandbox> StartAsync(MkAuthSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MkAuthSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GeneratedCustomers);
        var store = MkAuthSandboxStore.Seed(options);
        var certificate = CreateCertificate();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        MkAuthSandbox? sandbox = null;
        app.Run(context => sandbox!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        sandbox = new MkAuthSandbox(app, options, store, new Uri($"https://127.0.0.1:{port}/"), X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
        return sandbox;
    }

    /// <summary>A self-signed ECDSA P-256 certificate for 127.0.0.1/localhost, as on-premise MK-Auth installs have.</summary>
    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=mk-auth.sandbox.local", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests for <paramref name="route"/> (any when null).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="route"><c>token</c>, <c>cliente/show</c>, <c>titulo/receber</c> ... or null for any.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void InjectFault(MkAuthSandboxFault fault, string? route = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_faults)
        {
            for (var i = 0; i < times; i++) _faults.Add((fault, route));
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

    /// <summary>Invalidates every JWT issued so far (the next call with one gets HTTP 401).</summary>
    public void RevokeTokens() => Volatile.Write(ref _signingKey, RandomNumberGenerator.GetBytes(64));

    /// <summary>
    /// The <c>uuid_cliente</c> of a generated customer's first login (data-set customer id → MK-Auth customer id). Seeded
    /// from a data set, the sandbox keeps the data set's ids as MK-Auth keys (<c>uuid_cliente</c> = contract id,
    /// <c>uuid_lanc</c> = title number = invoice id); only the customer, which MK-Auth does not have apart from its first
    /// login, gets another id.
    /// </summary>
    /// <param name="dataSetCustomerId">The <see cref="IspDataSet"/> customer id.</param>
    public string? CustomerUuidOf(string dataSetCustomerId)
    {
        lock (_store.Gate) return _store.CustomerUuids.GetValueOrDefault(dataSetCustomerId);
    }

    /// <summary>The data-set customer id whose first login has <paramref name="uuid"/> as <c>uuid_cliente</c>, or null.</summary>
    /// <param name="uuid">A <c>uuid_cliente</c>.</param>
    public string? DataSetCustomerIdOf(string uuid)
    {
        lock (_store.Gate) return _store.CustomerUuids.FirstOrDefault(p => p.Value == uuid).Key;
    }

    /// <summary>A copy of a <c>sis_cliente</c> row (by login or uuid), secrets included as MK-Auth stores them; null when absent.</summary>
    /// <param name="loginOrUuid">Login or <c>uuid_cliente</c>.</param>
    public IReadOnlyDictionary<string, string?>? GetCustomerRow(string loginOrUuid)
    {
        ArgumentNullException.ThrowIfNull(loginOrUuid);
        lock (_store.Gate) return FindClient(loginOrUuid) is { } row ? new Dictionary<string, string?>(row) : null;
    }

    /// <summary>A copy of a title row (by uuid or number); null when absent.</summary>
    /// <param name="uuidOrNumber">The title's uuid or number.</param>
    public IReadOnlyDictionary<string, string?>? GetTitleRow(string uuidOrNumber)
    {
        ArgumentNullException.ThrowIfNull(uuidOrNumber);
        lock (_store.Gate) return FindTitle(uuidOrNumber) is { } row ? new Dictionary<string, string?>(row) : null;
    }

    /// <summary>Sets columns of a customer row (e.g. <c>bloqueado</c>) as the MK-Auth panel would.</summary>
    /// <param name="loginOrUuid">Login or <c>uuid_cliente</c>.</param>
    /// <param name="values">Column values.</param>
    public void SetCustomerFields(string loginOrUuid, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_store.Gate)
        {
            var row = FindClient(loginOrUuid) ?? throw new InvalidOperationException($"No customer row '{loginOrUuid}'.");
            foreach (var (key, value) in values) row[key] = value;
        }
    }

    /// <summary>
    /// Records a payment as the bank return or the panel would (status <c>pago</c>); a login with no overdue title left
    /// is released, as MK-Auth's automatic release does.
    /// </summary>
    /// <param name="uuidOrNumber">The title's uuid or number.</param>
    /// <exception cref="InvalidOperationException">No such unpaid title.</exception>
    public void PayTitle(string uuidOrNumber)
    {
        ArgumentNullException.ThrowIfNull(uuidOrNumber);
        lock (_store.Gate)
        {
            var title = FindTitle(uuidOrNumber);
            if (title is null || title["status"] == "pago" || title["deltitulo"] == "1") throw new InvalidOperationException($"Title {uuidOrNumber} is not unpaid.");
            Pay(title, title["valor"]!, "BANCO", "retorno");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    // ------------------------------------------------------------ HTTP

    private bool Legacy => _options.Profile == MkAuthSandboxProfile.Legacy;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var path = raw.Split('?', 2)[0];
        var logged = new MkAuthSandboxRequest(request.Method, path, headers, body);
        lock (_requests) _requests.Add(logged);

        MkAuthSandboxFault? fault = null;
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Route is null || f.Route == logged.Route);
            if (index >= 0)
            {
                fault = _faults[index].Fault;
                _faults.RemoveAt(index);
            }
        }
        var junk = false;
        switch (fault?.Kind)
        {
            case MkAuthSandboxFaultKind.Latency:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                break;
            case MkAuthSandboxFaultKind.HttpStatus:
                await Write(context, fault.StatusCode, "text/html", $"<html><body><h1>{fault.StatusCode}</h1></body></html>").ConfigureAwait(false);
                return;
            case MkAuthSandboxFaultKind.HtmlError:
                await Write(context, 200, "text/html", PhpWarning).ConfigureAwait(false);
                return;
            case MkAuthSandboxFaultKind.MalformedJson:
                await Write(context, 200, "application/json", "{\"Total\":3,\"titulos\":[{\"uuid\":\"").ConfigureAwait(false);
                return;
            case MkAuthSandboxFaultKind.ConnectionReset:
                context.Abort();
                return;
            case MkAuthSandboxFaultKind.TrailingJunk:
                junk = true;
                break;
        }

        Tick();

        if (path.StartsWith("/boleto/", StringComparison.Ordinal))
        {
            var page = Legacy ? "/boleto/21boleto.php" : "/boleto/boleto.hhvm";
            if (path == page) await Write(context, 200, "text/html", $"<html><body><h1>Boleto</h1><p>{WebUtility.HtmlEncode(request.Query["titulo"].ToString())}</p></body></html>").ConfigureAwait(false);
            else await NotFoundPage(context).ConfigureAwait(false);
            return;
        }
        if (path is "/api/" or "/api")
        {
            await TokenAsync(context, headers.GetValueOrDefault("authorization")).ConfigureAwait(false);
            return;
        }
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await NotFoundPage(context).ConfigureAwait(false);
            return;
        }
        if (!ValidBearer(headers.GetValueOrDefault("authorization")))
        {
            await Write(context, 401, "application/json", "{\"error\":\"Token expirado ou inv\\u00e1lido\"}").ConfigureAwait(false);
            return;
        }

        var argument = logged.Argument ?? string.Empty;
        string? json = (request.Method, logged.Route) switch
        {
            ("GET", "cliente/show") => ClientShow(argument),
            ("GET", "cliente/listar") => Listing(argument, clients: true),
            ("GET", "cliente/listagem") => Rows("clientes", ClientRowsLocked(), envelopeTotal: false),
            ("GET", "titulo/titulos") => TitlesBy(argument, null),
            ("GET", "titulo/aberto") => TitlesBy(argument, "aberto"),
            ("GET", "titulo/vencido") => TitlesBy(argument, "vencido"),
            ("GET", "titulo/pago") => TitlesBy(argument, "pago"),
            ("GET", "titulo/show") => TitleShow(argument),
            ("GET", "titulo/listar") => Listing(argument, clients: false),
            ("GET", "titulo/listagem") => Rows("titulos", TitleRowsLocked(_ => true), envelopeTotal: true),
            ("PUT", "cliente/editar") when !Legacy => Edit(body),
            ("GET", "cliente/desbloqueio") when !Legacy && _options.TrustUnlockRoute => TrustUnlock(argument),
            ("PUT", "titulo/receber") => Receive(body),
            _ => null,
        };
        if (json is null)
        {
            await NotFoundPage(context).ConfigureAwait(false);
            return;
        }
        if ((Legacy || junk) && json.Length > 0 && json[0] is '{' or '[') json += "1"; // PHP echoing a stray value after the JSON
        await Write(context, 200, "application/json", json).ConfigureAwait(false);
    }

    private static Task NotFoundPage(HttpContext context) =>
        Write(context, 404, "text/html", "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");

    private static Task Write(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType + "; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    // ------------------------------------------------------------ JWT

    private async Task TokenAsync(HttpContext context, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal) || !BasicMatches(authorization[6..].Trim()))
        {
            await Write(context, 401, "application/json", "{\"error\":\"Acesso negado\"}").ConfigureAwait(false);
            return;
        }
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url("{\"typ\":\"JWT\",\"alg\":\"HS512\"}"u8.ToArray());
        var usuario = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(_options.ClientId)));
        var payload = Base64Url(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"usuario\":\"{usuario}\",\"host\":\"127.0.0.1\",\"iat\":{now},\"exp\":{now + (long)_options.TokenLifetime.TotalSeconds}}}")));
        var signature = Base64Url(HMACSHA512.HashData(Volatile.Read(ref _signingKey), Encoding.ASCII.GetBytes(header + "." + payload)));
        var token = $"{header}.{payload}.{signature}";
        Interlocked.Increment(ref _tokensIssued);
        if (_options.WrapToken) await Write(context, 200, "application/json", $"{{\"token\":\"{token}\"}}").ConfigureAwait(false);
        else await Write(context, 200, "text/html", token).ConfigureAwait(false);
    }

    private bool BasicMatches(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) == $"{_options.ClientId}:{_options.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool ValidBearer(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        var parts = authorization[7..].Trim().Split('.');
        if (parts.Length != 3) return false;
        var expected = Base64Url(HMACSHA512.HashData(Volatile.Read(ref _signingKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]))) return false;
        try
        {
            var padded = parts[1].Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            using var doc = JsonDocument.Parse(Convert.FromBase64String(padded));
            return doc.RootElement.GetProperty("exp").GetInt64() > _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // ------------------------------------------------------------ state

    private string LocalNow() => BrazilTime.Now(_options.TimeProvider).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>MK-Auth's periodic jobs: an observation period that ended re-blocks a login that still owes an overdue title.</summary>
    private void Tick()
    {
        var now = LocalNow();
        lock (_store.Gate)
        {
            foreach (var client in _store.Clients)
            {
                if (client["observacao"] != "sim" || client["rem_obs"] is not { } until || string.CompareOrdinal(until, now) > 0) continue;
                client["observacao"] = "nao";
                client["rem_obs"] = null;
                if (OwesOverdue(client["login"]!))
                {
                    client["bloqueado"] = "sim";
                    client["data_bloq"] = now;
                }
            }
        }
    }

    private bool OwesOverdue(string login) =>
        _store.Titles.Any(t => t["login"] == login && t["deltitulo"] != "1" && t["status"] != "pago" && string.CompareOrdinal(t["datavenc"], TodayText) < 0);

    private Dictionary<string, string?>? FindClient(string key) =>
        _store.Clients.FirstOrDefault(c => c["login"] == key || c["uuid_cliente"] == key || c["cpf_cnpj"] == key);

    private Dictionary<string, string?>? FindTitle(string key) =>
        _store.Titles.FirstOrDefault(t => t["uuid_lanc"] == key || t["id"] == key);

    private void Pay(Dictionary<string, string?> title, string amount, string method, string collector)
    {
        title["status"] = "pago";
        title["datapag"] = LocalNow();
        title["valorpag"] = amount;
        title["formapag"] = method;
        title["coletor"] = collector;
        var client = FindClient(title["login"]!);
        if (client is not null && client["bloqueado"] == "sim" && !OwesOverdue(title["login"]!))
        {
            client["bloqueado"] = "nao";
            client["data_desbloq"] = LocalNow();
        }
    }

    // ------------------------------------------------------------ routes

    private string ClientShow(string key)
    {
        Dictionary<string, string?>? row;
        lock (_store.Gate) row = FindClient(key) is { } found ? ClientView(found) : null; // LIMIT 1: the first row by id
        if (row is null) return Legacy ? "NULL" : "false";
        if (!Legacy) return Object(row);
        return "{\"dados\":[" + Object(row) + "],\"wifi\":{\"sinal\":\"-61\",\"rate\":\"144\"}}";
    }

    private Dictionary<string, string?> ClientView(Dictionary<string, string?> row)
    {
        var view = new Dictionary<string, string?>(row, StringComparer.Ordinal);
        if (Legacy && view["nome"] is { } name) view["nome"] = Mojibake(name);
        return view;
    }

    private List<Dictionary<string, string?>> ClientRowsLocked()
    {
        lock (_store.Gate) return _store.Clients.Select(ClientView).ToList();
    }

    /// <summary><c>vtab_titulos</c>: a title joined with its customer; cancelled rows excluded by the current view only.</summary>
    private List<Dictionary<string, string?>> TitleRowsLocked(Func<Dictionary<string, string?>, bool> where)
    {
        lock (_store.Gate)
        {
            var clients = _store.Clients.ToDictionary(c => c["login"]!, StringComparer.Ordinal);
            var rows = new List<Dictionary<string, string?>>();
            foreach (var t in _store.Titles)
            {
                if (!Legacy && t["deltitulo"] == "1") continue;
                if (!clients.TryGetValue(t["login"]!, out var client)) continue; // a title whose login was renamed or removed
                if (!where(t) && !where(client)) continue;
                var row = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["uuid"] = t["uuid_lanc"], ["login"] = t["login"], ["nome"] = Legacy ? Mojibake(client["nome"] ?? "") : client["nome"],
                    ["titulo"] = t["id"], ["status"] = t["status"], ["cli_ativado"] = client["cli_ativado"], ["tipo"] = t["tipo"],
                    ["valor"] = t["valor"], ["linhadig"] = t["linhadig"], ["datavenc"] = t["datavenc"], ["cpf_cnpj"] = client["cpf_cnpj"],
                };
                if (Legacy) row["deltitulo"] = t["deltitulo"];
                else if (t["pix"] is { } pix)
                {
                    // The server unset()s pix when the title has none; pix_link/pix_qr exist with api_linkpix().
                    row["pix"] = pix;
                    row["pix_link"] = "https://pix.example.com/cob/" + t["id"];
                    row["pix_qr"] = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
                }
                rows.Add(row);
            }
            return rows;
        }
    }

    private string TitlesBy(string key, string? status)
    {
        var rows = TitleRowsLocked(r => r.GetValueOrDefault("login") == key || r.GetValueOrDefault("cpf_cnpj") == key || r.GetValueOrDefault("datavenc") == key);
        if (status is not null) rows = rows.Where(r => r["status"] == status).ToList();
        if (rows.Count == 0) return NotFoundMessage();
        return Legacy ? Rows("dados", rows, envelopeTotal: false) : Rows("titulos", rows, envelopeTotal: true);
    }

    private string TitleShow(string key)
    {
        Dictionary<string, string?>? row;
        lock (_store.Gate) row = FindTitle(key) is { } t ? new Dictionary<string, string?>(t, StringComparer.Ordinal) : null;
        if (row is null) return Legacy ? "NULL" : "false";
        if (Legacy)
        {
            row.Remove("pix");
            return "{\"dados\":[" + Object(row) + "]}";
        }
        return Object(row);
    }

    private string Listing(string argument, bool clients)
    {
        var args = argument.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var key = clients ? "clientes" : "titulos";
        if (Legacy) return Rows("dados", clients ? ClientRowsLocked() : TitleRowsLocked(_ => true), envelopeTotal: false);
        if (_options.IgnorePaging) return Rows(key, clients ? ClientRowsLocked() : TitleRowsLocked(_ => true), envelopeTotal: false);
        var page = int.TryParse(args.GetValueOrDefault("pagina"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var limit = int.TryParse(args.GetValueOrDefault("limite"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 500;
        List<Dictionary<string, string?>> slice;
        int count;
        if (clients)
        {
            // Customers (logins) are a list in id order: a page is a slice of it, O(page), not a copy of the table.
            lock (_store.Gate)
            {
                count = _store.Clients.Count;
                var start = (int)Math.Min((long)(page - 1) * limit, count);
                slice = _store.Clients.GetRange(start, Math.Min(limit, count - start)).Select(ClientView).ToList();
            }
        }
        else
        {
            var rows = TitleRowsLocked(_ => true);
            count = rows.Count;
            slice = rows.Skip((page - 1) * limit).Take(limit).ToList();
        }
        var pages = Math.Max(1, (count + limit - 1) / limit);
        if (page > pages) return "{\"mensagem\":\"Pagina atual acima do limite de paginas\"}";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("total_registros", count.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("consulta_atual", slice.Count);
            json.WriteNumber("pagina_atual", page);
            json.WriteNumber("total_paginas", pages);
            json.WriteStartArray(key);
            foreach (var row in slice) WriteObject(json, row);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private string Edit(string body)
    {
        var args = ParseBody(body);
        if (args is null) return Status("erro", "JSON inv\u00e1lido");
        lock (_store.Gate)
        {
            var client = _store.Clients.FirstOrDefault(c => c["uuid_cliente"] == args.GetValueOrDefault("uuid"));
            if (client is null) return Status("erro", NotFoundText);
            var changed = new Dictionary<string, string?>(StringComparer.Ordinal) { ["uuid"] = client["uuid_cliente"] };
            foreach (var field in new[] { "bloqueado", "observacao", "rem_obs", "plano", "nome", "celular", "email" })
            {
                if (!args.TryGetValue(field, out var value)) continue;
                client[field] = value;
                changed[field] = value;
            }
            if (args.TryGetValue("bloqueado", out var blocked))
            {
                if (blocked == "sim") client["data_bloq"] = LocalNow();
                else client["data_desbloq"] = LocalNow();
            }
            return "{\"status\":\"sucesso\",\"mensagem\":\"Registro alterado com sucesso\",\"dados\":" + Object(changed) + "}";
        }
    }

    private string TrustUnlock(string uuid)
    {
        lock (_store.Gate)
        {
            var client = _store.Clients.FirstOrDefault(c => c["uuid_cliente"] == uuid);
            if (client is null) return NotFoundMessage();
            client["bloqueado"] = "nao";
            client["data_bloq"] = null;
            client["data_desbloq"] = LocalNow();
            client["observacao"] = "sim";
            client["rem_obs"] = BrazilTime.Now(_options.TimeProvider).AddHours(_options.TrustUnlockHours).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return Status("sucesso", $"Cliente desbloqueado por {_options.TrustUnlockHours} horas");
        }
    }

    private string Receive(string body)
    {
        var args = ParseBody(body);
        if (args is null) return Status("erro", "JSON inv\u00e1lido");
        lock (_store.Gate)
        {
            var title = _store.Titles.FirstOrDefault(t => t["uuid_lanc"] == args.GetValueOrDefault("uuid"));
            if (title is null || title["deltitulo"] == "1") return Status("erro", NotFoundText);
            if (title["status"] == "pago") return Status("erro", "Titulo ja se encontra pago");
            var amount = args.GetValueOrDefault("valor") ?? title["valor"]!;
            Pay(title, amount, args.GetValueOrDefault("forma") ?? "API", args.GetValueOrDefault("coletor") ?? "API");
            var echo = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["uuid"] = title["uuid_lanc"], ["valor"] = amount, ["forma"] = args.GetValueOrDefault("forma"), ["coletor"] = args.GetValueOrDefault("coletor"),
            };
            return "{\"status\":\"sucesso\",\"mensagem\":\"Registro fechado com sucesso\",\"dados\":" + Object(echo) + "}";
        }
    }

    // ------------------------------------------------------------ JSON

    private string NotFoundMessage() =>
        Legacy ? "{\"mensagem\":\"" + Mojibake(NotFoundText) + "\"}" : "{\"mensagem\":\"Registro n\\u00e3o encontrado\"}";

    private static string Status(string status, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["status"] = status, ["mensagem"] = message }, MkAuthSandboxJson.Default.DictionaryStringString);

    private static Dictionary<string, string?>? ParseBody(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText(),
                StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Object(Dictionary<string, string?> row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) WriteObject(json, row);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter json, Dictionary<string, string?> row)
    {
        json.WriteStartObject();
        foreach (var (key, value) in row)
        {
            if (value is null) json.WriteNull(key);
            else json.WriteString(key, value);
        }
        json.WriteEndObject();
    }

    private static string Rows(string key, List<Dictionary<string, string?>> rows, bool envelopeTotal)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (envelopeTotal) json.WriteNumber("Total", rows.Count);
            json.WriteStartArray(key);
            foreach (var row in rows) WriteObject(json, row);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>UTF-8 text read back as Latin-1, the way an old MK-Auth database connection without <c>SET NAMES utf8</c> serves it.</summary>
    private static string Mojibake(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
}
