using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.MkAuth.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.MkAuth;

/// <summary>
/// Client of one MK-Auth server's API (<c>https://host/api/</c>, JWT): customers, titles, second copy, block/unblock,
/// payment posting and an SDK-owned trust-unlock policy. Use <see cref="AsBillingSystem"/> and
/// <see cref="AsAccessController"/> for the common interfaces.
/// </summary>
/// <remarks>
/// The JWT (<c>GET /api/</c> with Basic <c>Client_Id:Client_Secret</c>) is fetched once at a time, refreshed 30 s before
/// its <c>exp</c> and fetched again once on a 401. Reads are retried on transient failures; writes (<c>editar</c>,
/// <c>receber</c>, <c>desbloqueio</c>) never. What the install offers is detected at first use and cached.
/// </remarks>
public sealed partial class MkAuthClient : IMkAuthClient, IDisposable
{
    /// <summary>The provider name used in <see cref="ConnectorException.Provider"/> and <see cref="BillingSystemInfo.Name"/>.</summary>
    public const string ProviderName = "mkauth";

    private const string ZeroUuid = "00000000-0000-0000-0000-000000000000";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _root;
    private readonly Uri _api;
    private readonly MkAuthClientOptions _options;
    private readonly ConnectorCredential _credential;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly string _tenant;
    private readonly IMkAuthTrustUnlockStore _trustStore;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly MkAuthTokenCache _tokens;
    private readonly SemaphoreSlim _detectGate = new(1, 1);
    private MkAuthServerInfo? _server;
    private IBillingSystem? _billing;
    private IAccessController? _access;

    /// <summary>
    /// Creates a client that owns its <see cref="HttpClient"/> (resilience, concurrency limit and certificate pinning
    /// included). Dispose it when done. With DI, prefer <c>services.AddMkAuthClient(tenant, ...)</c>.
    /// </summary>
    /// <param name="options">The tenant's settings (copied: later changes to the object are not seen, except a <see cref="MkAuthClientOptions.Credential"/> rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock for token expiry and "today"; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public MkAuthClient(MkAuthClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new InMemoryMkAuthTrustUnlockStore(), loggerFactory, timeProvider)
    {
    }

    /// <summary>Creates a client that keeps its trust-unlock grants in <paramref name="trustUnlockStore"/> (e.g. a database).</summary>
    /// <param name="options">The tenant's settings.</param>
    /// <param name="trustUnlockStore">Where granted trust unlocks are recorded.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public MkAuthClient(MkAuthClientOptions options, IMkAuthTrustUnlockStore trustUnlockStore, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(null, options, trustUnlockStore, loggerFactory?.CreateLogger<MkAuthClient>(), timeProvider, "default")
    {
    }

    /// <summary>The DI path: the HttpClient comes from the factory (named client with pins and resilience).</summary>
    internal MkAuthClient(HttpClient? http, MkAuthClientOptions options, IMkAuthTrustUnlockStore trustUnlockStore, ILogger? logger,
        TimeProvider? timeProvider, string tenant, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trustUnlockStore);
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(MkAuthClientOptions), options.Validate());
        _options = Copy(options);
        MkAuthClientOptions.TryNormalise(options.BaseAddress, out var root);
        _root = root!;
        _api = new Uri(_root, "api/");
        _credential = options.Credential ?? new ConnectorCredential(options.ClientId.Trim(), options.ClientSecret.Trim());
        _time = timeProvider ?? TimeProvider.System;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(options.TimeZone) ? MkAuthClientOptions.DefaultTimeZone : options.TimeZone);
        _logger = logger ?? NullLogger.Instance;
        _tenant = tenant;
        _trustStore = trustUnlockStore;
        _tokens = new MkAuthTokenCache(_time, _options.TokenRefreshMargin);
        _instrumentation = new ConnectorInstrumentation(MkAuthTelemetry.ActivitySourceName, ProviderName, meterFactory);
        if (http is null)
        {
            _http = ConnectorHttpClientFactory.Create(_root, _options.Resilience, _time, null, _options.PinnedCertificateThumbprints.ToList());
            _ownsHttp = true;
        }
        else
        {
            _http = http;
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }
    }

    /// <inheritdoc />
    public MkAuthServerInfo? Server => Volatile.Read(ref _server);

    /// <summary>How many JWTs this client fetched (one per ~10 minutes in steady state).</summary>
    public int TokenFetches => _tokens.Fetches;

    /// <inheritdoc />
    public IBillingSystem AsBillingSystem() => _billing ??= new MkAuthBillingSystem(this);

    /// <inheritdoc />
    public IAccessController AsAccessController() => _access ??= new MkAuthAccessController(this, _logger);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
        _instrumentation.Dispose();
        _tokens.Dispose();
        _detectGate.Dispose();
    }

    internal string Tenant => _tenant;

    internal MkAuthClientOptions Options => _options;

    internal TimeProvider Time => _time;

    /// <summary>"Today" in the tenant's time zone.</summary>
    internal DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);

    /// <summary>"Now" in the tenant's time zone (MK-Auth stores local date-times).</summary>
    internal DateTimeOffset LocalNow() => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone);

    internal DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified));
    }

    /// <summary>DI: options reloaded with new string credentials rotate the client's credential in place.</summary>
    internal void OnOptionsChanged(MkAuthClientOptions options)
    {
        if (options.Credential is null && !string.IsNullOrWhiteSpace(options.ClientId) && !string.IsNullOrWhiteSpace(options.ClientSecret)
            && (options.ClientId.Trim() != _credential.User || options.ClientSecret.Trim() != _credential.Secret.Reveal()))
            _credential.Update(options.ClientId.Trim(), options.ClientSecret.Trim());
    }

    private static MkAuthClientOptions Copy(MkAuthClientOptions o)
    {
        var copy = new MkAuthClientOptions
        {
            BaseAddress = o.BaseAddress, ClientId = o.ClientId, ClientSecret = o.ClientSecret, Credential = o.Credential,
            TimeZone = o.TimeZone, PageSize = o.PageSize, TokenRefreshMargin = o.TokenRefreshMargin, TrustUnlockDays = o.TrustUnlockDays,
            TrustUnlockMinimumInterval = o.TrustUnlockMinimumInterval, BoletoPagePath = o.BoletoPagePath,
        };
        foreach (var pin in o.PinnedCertificateThumbprints) copy.PinnedCertificateThumbprints.Add(pin);
        var r = o.Resilience;
        var c = copy.Resilience;
        c.MaxRetryAttempts = r.MaxRetryAttempts; c.RetryBaseDelay = r.RetryBaseDelay; c.MaxRetryAfter = r.MaxRetryAfter;
        c.AttemptTimeout = r.AttemptTimeout; c.TotalTimeout = r.TotalTimeout; c.MaxConcurrentRequests = r.MaxConcurrentRequests;
        c.MaxQueuedRequests = r.MaxQueuedRequests; c.CircuitBreakerFailureRatio = r.CircuitBreakerFailureRatio;
        c.CircuitBreakerMinimumThroughput = r.CircuitBreakerMinimumThroughput; c.CircuitBreakerSamplingDuration = r.CircuitBreakerSamplingDuration;
        c.CircuitBreakerBreakDuration = r.CircuitBreakerBreakDuration;
        return copy;
    }

    // ---------------------------------------------------------------- token

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        var (user, secret) = _credential; // one consistent pair while another thread rotates it
        // The cached token belongs to the (user, secret) pair it was fetched with: a rotation fetches a new one.
        return await _tokens.GetAsync((user, secret), ct => FetchTokenAsync(user, secret, ct), cancellationToken).ConfigureAwait(false);
    }

    private Task<(string Token, DateTimeOffset? Expires)> FetchTokenAsync(string user, string secret, CancellationToken cancellationToken) =>
        CallAsync("token", async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _api);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
            request.MarkRetryable();
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            var body = MkAuthText.Decode(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
            var status = (int)response.StatusCode;
            if (status is 401 or 403)
                throw new ConnectorAuthenticationException(ProviderName, "token",
                    $"MK-Auth refused the Client_Id/Client_Secret (HTTP {status}). Check the API credentials of the user (CADASTROS > Controle de usuários > API) and that the GET method is enabled for it.",
                    status, rawBody: body);
            if (status is < 200 or >= 300) throw HttpErrorMapper.FromStatus(ProviderName, "token", response.StatusCode, body, response.Headers);
            if (!MkAuthJwt.TryRead(body, out var token, out var expires))
                throw new ConnectorAuthenticationException(ProviderName, "token",
                    "MK-Auth's token reply is not a JWT (is this an MK-Auth server, with the API enabled and reached over HTTPS?).", status, rawBody: "(not shown)");
            MkAuthLog.TokenFetched(_logger, expires);
            return (token, expires);
        }, cancellationToken);

    // ---------------------------------------------------------------- transport

    /// <summary>One HTTP exchange with the API: bearer token, one re-token on 401. Returns the status and the decoded body.</summary>
    private async Task<(int Status, string Body, HttpResponseHeaders Headers)> ExchangeAsync(HttpMethod method, string path, string? json, bool retryable,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, new Uri(_api, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            request.MarkRetryable(retryable);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = MkAuthText.Decode(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                // Expired or revoked JWT: the request was refused before any work, so one re-send with a new token is safe.
                _tokens.Invalidate(token);
                continue;
            }
            return ((int)response.StatusCode, body, response.Headers);
        }
    }

    /// <summary>A logical API call returning the parsed reply (not-found and paging markers included; errors thrown).</summary>
    private Task<MkAuthReply> SendAsync(string operation, HttpMethod method, string path, string? json, bool retryable, CancellationToken cancellationToken) =>
        CallAsync(operation, async ct =>
        {
            var (status, body, headers) = await ExchangeAsync(method, path, json, retryable, ct).ConfigureAwait(false);
            if (status is < 200 or >= 300)
            {
                if (status == 401)
                    throw new ConnectorAuthenticationException(ProviderName, operation,
                        $"mkauth {operation} failed: HTTP 401 even with a new token. The API user may lack permission for {method.Method} (MK-Auth grants methods per user).", status, rawBody: body);
                throw HttpErrorMapper.FromStatus(ProviderName, operation, (HttpStatusCode)status, body, headers);
            }
            return MkAuthReply.Parse(operation, body);
        }, cancellationToken);

    private Task<MkAuthReply> GetAsync(string operation, string path, CancellationToken cancellationToken) =>
        SendAsync(operation, HttpMethod.Get, path, null, retryable: true, cancellationToken);

    /// <summary>A write: never retried; a "not found" reply becomes <see cref="ConnectorNotFoundException"/>.</summary>
    private async Task<MkAuthReply> WriteAsync(string operation, HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(operation, method, path, json, retryable: false, cancellationToken).ConfigureAwait(false);
        if (reply.IsNotFound)
        {
            reply.Dispose();
            throw new ConnectorNotFoundException(ProviderName, operation, $"mkauth {operation}: MK-Auth has no such record.", 200);
        }
        return reply;
    }

    /// <summary>Telemetry, logging and exception translation around one logical operation.</summary>
    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            MkAuthLog.CallDone(_logger, operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (ConnectorException ex)
        {
            failure = ex;
            MkAuthLog.CallFailed(_logger, operation, ex.GetType().Name, ex.Message);
            throw;
        }
        catch (Exception ex) when (Translate(operation, ex, cancellationToken) is { } mapped)
        {
            failure = mapped;
            MkAuthLog.CallFailed(_logger, operation, mapped.GetType().Name, mapped.Message);
            throw mapped;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, started, failure);
        }
    }

    private static ConnectorException? Translate(string operation, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is HttpRequestException { InnerException: AuthenticationException } tls)
            return new ConnectorTransportException(ProviderName, operation,
                $"mkauth {operation}: the TLS handshake failed: the server certificate is not trusted. On-premise MK-Auth usually has a self-signed certificate: pin its SHA-256 thumbprint (PinnedCertificateThumbprints).", tls);
        return HttpErrorMapper.FromException(ProviderName, operation, exception, cancellationToken);
    }

    private static string Json(params (string Key, string Value)[] members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in members) writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Segment(string value) => Uri.EscapeDataString(value.Trim());

    // ---------------------------------------------------------------- detection

    /// <inheritdoc />
    public async Task<MkAuthServerInfo> DetectAsync(CancellationToken cancellationToken = default)
    {
        if (Server is { } known) return known;
        await _detectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Server is { } again) return again;
            var features = MkAuthFeatures.None;
            if (await RouteExistsAsync("probe.cliente/desbloqueio", HttpMethod.Get, "cliente/desbloqueio/" + ZeroUuid, null, cancellationToken).ConfigureAwait(false))
                features |= MkAuthFeatures.TrustUnlockRoute;
            if (await RouteExistsAsync("probe.cliente/editar", HttpMethod.Put, "cliente/editar", Json(("uuid", ZeroUuid)), cancellationToken).ConfigureAwait(false))
                features |= MkAuthFeatures.ClientEdit;

            using (var sample = await GetAsync("probe.titulo/listar", "titulo/listar/pagina=1&limite=50", cancellationToken).ConfigureAwait(false))
            {
                if (sample.Int("total_paginas") is not null || sample.Int("pagina_atual") is not null) features |= MkAuthFeatures.Paging;
                var rows = sample.Rows("titulos");
                if (rows.Any(r => r.ContainsKey("pix"))) features |= MkAuthFeatures.Pix;
                if (rows.Any(r => r.ContainsKey("pix_link"))) features |= MkAuthFeatures.PixLink;
                if (rows.Any(r => r.ContainsKey("pix_qr"))) features |= MkAuthFeatures.PixQrImage;
            }

            var boleto = _options.BoletoPagePath?.TrimStart('/');
            if (boleto is null)
            {
                foreach (var candidate in new[] { "boleto/boleto.hhvm", "boleto/21boleto.php" })
                {
                    if (await PageExistsAsync(candidate, cancellationToken).ConfigureAwait(false))
                    {
                        boleto = candidate;
                        break;
                    }
                }
            }
            if (boleto is not null) features |= MkAuthFeatures.BoletoPage;

            var info = new MkAuthServerInfo(features, boleto, _time.GetUtcNow());
            MkAuthLog.Detected(_logger, info.ToString());
            Volatile.Write(ref _server, info);
            return info;
        }
        finally
        {
            _detectGate.Release();
        }
    }

    /// <summary>Whether a route answers like MK-Auth's API (JSON, <c>false</c>, <c>NULL</c>) rather than 404/405 or an HTML page.</summary>
    private Task<bool> RouteExistsAsync(string operation, HttpMethod method, string path, string? json, CancellationToken cancellationToken) =>
        CallAsync(operation, async ct =>
        {
            var (status, body, headers) = await ExchangeAsync(method, path, json, retryable: true, ct).ConfigureAwait(false);
            if (status is 404 or 405 or 501 or 401 or 403) return false; // absent, or the API user may not use this method
            if (status is < 200 or >= 300) throw HttpErrorMapper.FromStatus(ProviderName, operation, (HttpStatusCode)status, body, headers);
            var text = body.Trim();
            return text.Length > 0 && (text[0] is '{' or '[' || text is "false" or "NULL" or "null");
        }, cancellationToken);

    private Task<bool> PageExistsAsync(string path, CancellationToken cancellationToken) =>
        CallAsync("probe.boleto", async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_root, path));
            request.MarkRetryable();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }, cancellationToken);

    internal BillingCapabilities BillingCapabilities
    {
        get
        {
            var caps = BillingCapabilities.FindByDocument | BillingCapabilities.FindById | BillingCapabilities.FindByLogin
                | BillingCapabilities.DebtStatus | BillingCapabilities.ListOpenInvoices | BillingCapabilities.BoletoLine
                | BillingCapabilities.ListContracts;
            if (Server is not { } s) return caps;
            if (s.Has(MkAuthFeatures.Pix)) caps |= BillingCapabilities.PixCopyPaste;
            if (s.Has(MkAuthFeatures.BoletoPage)) caps |= BillingCapabilities.BoletoPdf;
            if (s.Has(MkAuthFeatures.ClientEdit) || s.Has(MkAuthFeatures.TrustUnlockRoute)) caps |= BillingCapabilities.TrustUnlock;
            return caps;
        }
    }

    internal AccessCapabilities AccessCapabilities =>
        AccessCapabilities.ReadState | (Server?.Has(MkAuthFeatures.ClientEdit) == true ? AccessCapabilities.Block | AccessCapabilities.Unblock : AccessCapabilities.None);
}
