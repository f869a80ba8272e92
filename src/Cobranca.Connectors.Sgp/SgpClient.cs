using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Sgp.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.Sgp;

/// <summary>
/// Client of one SGP (TSMX) instance's URA API (<c>/api/ura/</c>, or the legacy <c>/ws/ura/</c>): customers,
/// contracts, titles, second copy (boleto + Pix), payment promise (trust unlock), contract status (block, unblock,
/// reduced speed), RADIUS disconnect and payment posting. It is the common <see cref="IBillingSystem"/>;
/// <see cref="AsAccessController"/> gives the common <see cref="IAccessController"/>.
/// </summary>
/// <remarks>
/// <para>Reads are retried on transient failures; <c>fatura2via</c>, <c>pagamento/pix</c>, <c>liberacaopromessa</c>,
/// <c>contrato/status/edit</c>, <c>baixar</c> and <c>disconnect</c> are never re-sent automatically (each may have been
/// applied although its answer was lost).</para>
/// <para>Errors SGP reports under HTTP 200 (<c>status</c> 0/2 with <c>msg</c>), its HTML login page served with HTTP 200
/// (a wrong base URL) and an empty body are errors, detected by shape. Secret fields of the replies
/// (<c>servico_senha</c>, <c>contratoCentralSenha</c>, ...) are dropped while reading.</para>
/// </remarks>
public sealed partial class SgpClient : ISgpClient, IDisposable
{
    /// <summary>The provider name used in <see cref="ConnectorException.Provider"/> and <see cref="BillingSystemInfo.Name"/>.</summary>
    public const string ProviderName = "sgp";

    private const BillingCapabilities Capabilities =
        BillingCapabilities.FindByDocument | BillingCapabilities.FindByPhone | BillingCapabilities.FindById | BillingCapabilities.FindByLogin
        | BillingCapabilities.DebtStatus | BillingCapabilities.ListOpenInvoices | BillingCapabilities.BoletoLine
        | BillingCapabilities.PixCopyPaste | BillingCapabilities.BoletoPdf | BillingCapabilities.TrustUnlock
        | BillingCapabilities.ListContracts;

    private readonly Func<HttpClient> _http;
    private readonly HttpClient? _owned;
    private readonly SgpClientOptions _options;
    private readonly ConnectorCredential _credential;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly string? _tenant;
    private readonly string _uraPrefix;
    private IAccessController? _access;

    /// <summary>
    /// Creates a client that owns its <see cref="HttpClient"/> (resilience, concurrency limit and certificate pinning
    /// included). Dispose it when done. With DI, prefer <c>services.AddSgpClient(tenant, ...)</c>.
    /// </summary>
    /// <param name="options">The tenant's settings (copied).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock that decides "today" in <see cref="SgpClientOptions.TimeZone"/>; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem, never a secret).</exception>
    public SgpClient(SgpClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), null, loggerFactory?.CreateLogger<SgpClient>(), timeProvider, null, null)
    {
    }

    internal SgpClient(SgpClientOptions options, Func<HttpClient>? httpClientFactory, ILogger? logger, TimeProvider? timeProvider,
        string? tenant, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _tenant = tenant;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(options.TimeZone) ? "America/Sao_Paulo" : options.TimeZone);
        _credential = options.Credential ?? (options.Authentication == SgpAuthentication.Basic
            ? new ConnectorCredential(options.Username ?? "", options.Password ?? "")
            : new ConnectorCredential(options.App ?? "", options.Token ?? ""));
        _uraPrefix = options.UseLegacyUraPrefix ? "ws/ura/" : "api/ura/";
        _instrumentation = new ConnectorInstrumentation(SgpTelemetry.ActivitySourceName, ProviderName, meterFactory);
        if (httpClientFactory is null)
        {
            _owned = ConnectorHttpClientFactory.Create(NormalizeBaseAddress(options.BaseAddress!), options.Resilience, _time,
                ConnectorHttpClientFactory.CreatePrimaryHandler(options.PinnedCertificateThumbprints.ToList()));
            _http = () => _owned;
        }
        else
        {
            _http = httpClientFactory;
        }
    }

    /// <inheritdoc />
    public BillingSystemInfo Info { get; } = new(ProviderName, Capabilities);

    /// <summary>The credential in use (app + token, or user + password): <see cref="ConnectorCredential.Update"/> rotates it for the next request.</summary>
    public ConnectorCredential Credential => _credential;

    /// <inheritdoc />
    public IAccessController AsAccessController() => _access ??= new SgpAccessController(this, _options, _logger);

    /// <summary>"Today" in the tenant's time zone, from the injected clock.</summary>
    internal DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);

    internal DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    /// <summary>The instance root: <c>scheme://host[:port]/path/</c> without a pasted <c>/api/ura</c>, <c>/ws/ura</c> or <c>/api</c> suffix.</summary>
    public static Uri NormalizeBaseAddress(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("The SGP base address must be absolute.", nameof(baseAddress));
        var path = baseAddress.AbsolutePath.TrimEnd('/');
        foreach (var suffix in new[] { "/api/ura", "/ws/ura", "/api", "/ws" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^suffix.Length];
                break;
            }
        }
        return new Uri($"{baseAddress.Scheme}://{baseAddress.Authority}{path}/");
    }

    internal static void ConfigureHttpClient(HttpClient client, SgpClientOptions options)
    {
        client.BaseAddress = NormalizeBaseAddress(options.BaseAddress!);
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
    }

    private static SgpClientOptions Validated(SgpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(SgpClientOptions), options.Validate());
        return options;
    }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();

    // ---------------------------------------------------------------- transport

    /// <summary>A URA endpoint path (<c>titulos</c> → <c>api/ura/titulos/</c>, or <c>ws/ura/titulos/</c>).</summary>
    internal string Ura(string endpoint) => _uraPrefix + endpoint.Trim('/') + "/";

    /// <summary>
    /// One logical POST with a form body: telemetry, auth, error mapping by status and by shape. <paramref name="retryable"/>
    /// marks reads for the pipeline's retry; a body that fails to arrive or parse is also retried for reads only.
    /// </summary>
    internal async Task<JsonDocument> PostAsync(string operation, string path, IEnumerable<KeyValuePair<string, string>> fields, bool retryable,
        CancellationToken cancellationToken)
    {
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Exception? failure = null;
        var form = fields.ToList();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var result = await SendOnceAsync(operation, path, form, retryable, activity, cancellationToken).ConfigureAwait(false);
                    SgpLog.CallDone(_logger, operation, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return result;
                }
                catch (SgpBodyException) when (retryable && attempt < _options.Resilience.MaxRetryAttempts && !cancellationToken.IsCancellationRequested)
                {
                    // The server answered but the body broke (reset mid-body, truncated JSON): safe to repeat a read.
                }
            }
        }
        catch (SgpBodyException ex)
        {
            var mapped = new ConnectorTransportException(ProviderName, operation,
                $"SGP {operation}: {ex.Message}" + (retryable ? "" : " The request may have been applied; check before repeating it."), ex.InnerException);
            failure = mapped;
            SgpLog.CallFailed(_logger, operation, mapped.GetType().Name, mapped.Message);
            throw mapped;
        }
        catch (ConnectorException ex)
        {
            failure = ex;
            SgpLog.CallFailed(_logger, operation, ex.GetType().Name, ex.Message);
            throw;
        }
        catch (Exception ex) when (HttpErrorMapper.FromException(ProviderName, operation, ex, cancellationToken) is { } mapped)
        {
            if (!retryable && mapped is ConnectorTransportException { RequestNotSent: false } transport)
            {
                mapped = new ConnectorTransportException(ProviderName, operation,
                    transport.Message + " The request may have been applied; check before repeating it (writes are never re-sent automatically).", ex);
            }
            failure = mapped;
            SgpLog.CallFailed(_logger, operation, mapped.GetType().Name, mapped.Message);
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

    private async Task<JsonDocument> SendOnceAsync(string operation, string path, List<KeyValuePair<string, string>> form, bool retryable,
        System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var (user, secret) = _credential; // read on every request: Update() rotates without a restart
        var body = new List<KeyValuePair<string, string>>(form.Count + 2);
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (_options.Authentication == SgpAuthentication.TokenAndApp)
        {
            body.Add(new("token", secret));
            body.Add(new("app", user)); // verbatim: SGP compares the app name case-sensitively
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        }
        body.AddRange(form);
        request.Content = new FormUrlEncodedContent(body);
        if (retryable) request.MarkRetryable();

        using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(ConnectorTelemetry.HttpResponseStatusCodeAttribute, (int)response.StatusCode);
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new SgpBodyException("the reply was cut before its end.", ex);
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var looksHtml = mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || text.TrimStart().StartsWith('<');
        var status = response.StatusCode;

        if (status == HttpStatusCode.Forbidden || status == HttpStatusCode.Unauthorized)
        {
            var detail = looksHtml ? null : TryDetail(text);
            if (detail?.Contains("incorretas", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new SgpCredentialsRejectedException(operation,
                    "SGP rejected the credentials (403 \"Credenciais de autenticação incorretas.\"): no token exists with this application name. " +
                    "Check the token and the app name, including its upper and lower case.", text);
            }
            if (detail?.Contains("não foram fornecidas", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new SgpAccessRefusedException(operation,
                    "SGP refused the credentials (403 \"As credenciais de autenticação não foram fornecidas.\"): the token and app exist, but the token is " +
                    "inactive, this machine's address is not among the token's allowed hosts, or its user lacks permission for this route. Fix it on the token's screen in SGP.", text);
            }
            throw HttpErrorMapper.FromStatus(ProviderName, operation, status, Trim(text), response.Headers, detail: detail);
        }
        if (status == HttpStatusCode.NotFound && looksHtml)
        {
            throw new ConnectorNotFoundException(ProviderName, operation,
                $"SGP has no {path} (HTTP 404). Check BaseAddress" + (_options.UseLegacyUraPrefix
                    ? " and whether this install still serves the legacy /ws/ura/ prefix (UseLegacyUraPrefix)."
                    : "; an old install may only serve the legacy /ws/ura/ prefix (set UseLegacyUraPrefix)."), 404);
        }
        if ((int)status is < 200 or >= 300)
        {
            var detail = looksHtml ? null : TryError(text);
            throw HttpErrorMapper.FromStatus(ProviderName, operation, status, Trim(text), response.Headers, detail: detail);
        }
        if (looksHtml)
        {
            throw new ConnectorApiException(ProviderName, operation,
                "SGP answered an HTML page (its login page?) with HTTP 200 instead of JSON: BaseAddress is probably not the instance root " +
                "(use https://host, not a /accounts/login or /admin URL).", (int)status, "html", Trim(text));
        }
        if (string.IsNullOrWhiteSpace(text)) throw new SgpBodyException("SGP returned an empty body.", null);
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new SgpBodyException("SGP returned a reply that is not valid JSON.", ex);
        }
    }

    /// <summary>Business errors under HTTP 200: <c>status</c> 0 with a <c>msg</c>. Returns the message, or null when the reply is a success.</summary>
    internal static string? BusinessError(JsonElement root)
    {
        if (root.Int("status") is 0 && root.Bool("liberado") is not true) return root.Str("msg", "mensagem", "erro") ?? "SGP refused the request (status 0).";
        return null;
    }

    internal static bool IsNotFoundText(string? message) =>
        message is not null && (message.Contains("não localizad", StringComparison.OrdinalIgnoreCase) || message.Contains("não encontrad", StringComparison.OrdinalIgnoreCase)
            || message.Contains("nao localizad", StringComparison.OrdinalIgnoreCase) || message.Contains("inexistente", StringComparison.OrdinalIgnoreCase));

    private static string? TryDetail(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Str("detail");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TryError(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Str("erro", "detail", "msg");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string text) => text.Length <= 2048 ? text : text[..2048];

    internal static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    internal static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    internal static KeyValuePair<string, string> F(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A body that did not arrive whole or is not JSON (retryable for reads).</summary>
    private sealed class SgpBodyException(string message, Exception? inner) : Exception(message, inner);
}
