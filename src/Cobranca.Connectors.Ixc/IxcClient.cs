using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Ixc.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Cobranca.Connectors.Ixc;

/// <summary>
/// Client of the IXC Provedor webservice v1 (<c>https://host/webservice/v1</c>) for one tenant: customers, contracts,
/// receivables, second copy (boleto PDF and Pix), trust unlock, contract block/unblock and RADIUS sessions.
/// Use <see cref="AsBillingSystem"/> and <see cref="AsAccessController"/> for the common interfaces.
/// </summary>
/// <remarks>
/// Reads (listings, and <c>get_boleto</c> with recalculation off) are retried on transient failures; writes and calls
/// with side effects (<c>get_pix</c>, trust unlock, block, unblock, disconnect) are never retried automatically. Errors
/// IXC reports under HTTP 200 become <see cref="ConnectorException"/>s. Mock <see cref="IIxcClient"/> in tests.
/// </remarks>
public sealed partial class IxcClient : IIxcClient, IDisposable
{
    /// <summary>The provider name used in <see cref="ConnectorException.Provider"/> and <see cref="BillingSystemInfo.Name"/>.</summary>
    public const string ProviderName = "ixc";

    private readonly IIxcApi _api;
    private readonly IxcClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly string? _tenant;
    private readonly string _listingVerb;
    private readonly TimeZoneInfo _zone;
    private long _radiusRefusedAt = long.MinValue; // TimeProvider timestamp of the last "Recurso radusuarios não está disponível"
    private int _radiusWarned;
    private IBillingSystem? _billing;
    private IAccessController? _access;

    /// <summary>
    /// Creates a client that owns its <see cref="HttpClient"/> (resilience, concurrency limit and certificate pinning included).
    /// Dispose it when done. In an application with DI, prefer <c>services.AddIxcClient(tenant, ...)</c>.
    /// </summary>
    /// <param name="options">The tenant's settings; copied and validated here (only <see cref="IxcClientOptions.Credential"/> stays shared, for rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock that decides "today" (in <see cref="IxcClientOptions.TimeZone"/>); the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public IxcClient(IxcClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), loggerFactory, timeProvider, ownHttpClient: true)
    {
    }

    private IxcClient(IxcClientOptions settings, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, bool ownHttpClient)
        : this(IxcHttp.CreateHttpClient(settings, settings.CreateCredential(), timeProvider ?? TimeProvider.System), settings, loggerFactory, timeProvider)
    {
    }

    private IxcClient(HttpClient owned, IxcClientOptions settings, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        : this(RestService.ForGenerated<IIxcApi>(owned, new RefitSettings()), settings, loggerFactory, timeProvider, tenant: null, meterFactory: null)
    {
        _ownedHttpClient = owned;
    }

    /// <summary>The DI path: the Refit client comes from <c>AddKeyedRefitGeneratedClient</c> (the factory owns the HttpClient).</summary>
    internal IxcClient(IIxcApi api, IxcClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, string? tenant,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _options = options;
        _logger = loggerFactory?.CreateLogger<IxcClient>() ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _tenant = tenant;
        _instrumentation = new ConnectorInstrumentation(IxcTelemetry.ActivitySourceName, ProviderName, meterFactory);
        _listingVerb = options.ListingVerb == IxcListingVerb.GetWithBody ? "GET" : "POST";
        _zone = options.ResolveTimeZone();
    }

    /// <summary>The client's copy of <paramref name="options"/>, validated.</summary>
    internal static IxcClientOptions Validated(IxcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Copy();
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(IxcClientOptions), settings.Validate());
        return settings;
    }

    /// <summary>This client as the common <see cref="IBillingSystem"/> (one instance per client, safe to call from any thread).</summary>
    public IBillingSystem AsBillingSystem() => LazyInitializer.EnsureInitialized(ref _billing, () => new IxcBillingSystem(this));

    /// <summary>This client as the common <see cref="IAccessController"/> (contract block/unblock; throttling is not supported by IXC's API). One instance per client, safe to call from any thread.</summary>
    public IAccessController AsAccessController() =>
        LazyInitializer.EnsureInitialized(ref _access, () => new IxcAccessController(this, _options, _logger));

    /// <summary>"Today" in the tenant's time zone (<see cref="IxcClientOptions.TimeZone"/>) from the injected clock.</summary>
    internal DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);

    /// <summary>A wall-clock time IXC returns (tenant's zone) with its offset.</summary>
    internal DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified));
    }

    /// <summary>
    /// False once IXC refused the <c>radusuarios</c> table to this webservice user ("Recurso radusuarios não está
    /// disponível!"): contracts then come without their PPPoE login (<see cref="Contract.Login"/> null, unknown), finding by
    /// login fails with a message that says so, and <see cref="AsBillingSystem"/>/<see cref="AsAccessController"/> stop
    /// advertising <see cref="BillingCapabilities.FindByLogin"/> and <see cref="AccessCapabilities.KickSession"/>. The
    /// table is asked again ten minutes later (permissions may be granted meanwhile) and whenever a login is looked up
    /// explicitly. True until a refusal is seen.
    /// </summary>
    public bool RadiusUsersAvailable => Volatile.Read(ref _radiusRefusedAt) == long.MinValue;

    /// <summary>How long contract reads skip <c>radusuarios</c> after IXC refused it.</summary>
    internal static readonly TimeSpan RadiusRetryAfter = TimeSpan.FromMinutes(10);

    internal static void ConfigureHttpClient(HttpClient client, IxcClientOptions options)
    {
        client.BaseAddress = IxcClientOptions.NormalizeBaseAddress(options.BaseAddress);
        // The credentials go on each request (IxcAuthenticationHandler), so that a rotated token applies at once.
        // The resilience pipeline owns the timeouts; keep HttpClient's own one out of the way.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Releases the owned <see cref="HttpClient"/>, if any.</summary>
    public void Dispose()
    {
        _ownedHttpClient?.Dispose();
    }

    // ---------------------------------------------------------------- transport

    /// <summary>
    /// A logical call: telemetry, exception translation, caller cancellation untouched. <paramref name="parse"/> runs on a
    /// 2xx body: for reads (<paramref name="retryable"/>) inside each attempt (<see cref="IxcReplyHandler"/>), so a body cut
    /// off or malformed is retried like a reset; for writes after the single attempt. Either way an error IXC reports under
    /// HTTP 200 is logged and counted as a failure like any other.
    /// </summary>
    private async Task<T> SendAsync<T>(string operation, Func<IxcReplyReader, CancellationToken, Task<HttpResponseMessage>> send, Func<ReadOnlyMemory<byte>, T> parse,
        bool retryable, CancellationToken cancellationToken)
    {
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Exception? failure = null;
        var reader = new IxcReplyReader(operation, _options.MaxReplyBytes, retryable ? bytes => parse(bytes) : null);
        try
        {
            using var response = await send(reader, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            // The reply handler has read the body inside the attempt; a handler-less HttpClient (a test double) has not.
            var buffered = response.Content as IxcBufferedContent;
            using var owned = buffered is null
                ? await IxcBody.ReadAsync(response.Content, _options.MaxReplyBytes, operation, status, cancellationToken).ConfigureAwait(false)
                : null;
            var body = buffered?.Body ?? owned!;
            if (status is < 200 or >= 300) throw IxcReply.FromHttpStatus(operation, response.StatusCode, IxcReply.Decode(body.Memory.Span), response.Headers);
            T result;
            if (buffered is { Parsed: true })
            {
                buffered.ParseError?.Throw();
                result = (T)buffered.Value!;
            }
            else
            {
                result = parse(body.Memory); // the body's buffer is pooled: parse must not keep a reference to it
            }
            IxcLog.CallDone(_logger, operation, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception ex) when (ex is not ConnectorException && Unwrap(ex) is ConnectorException inner)
        {
            // A typed failure raised inside the handler chain (reply too large), or a read that stayed unparseable after retries.
            failure = inner;
            IxcLog.CallFailed(_logger, operation, inner.GetType().Name, inner.Message);
            throw inner;
        }
        catch (Exception ex) when (ex is not ConnectorException && IxcHttp.ToTransportException(operation, ex, cancellationToken) is { } mapped)
        {
            failure = mapped;
            IxcLog.CallFailed(_logger, operation, mapped.GetType().Name, mapped.Message);
            throw mapped;
        }
        catch (ConnectorException ex)
        {
            failure = ex;
            IxcLog.CallFailed(_logger, operation, ex.GetType().Name, ex.Message);
            throw;
        }
        catch (ApiRequestException ex) when (cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            throw new OperationCanceledException("The caller cancelled the IXC call.", ex, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex; // caller cancellation (untouched) or a programming error
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, started, failure);
        }
    }

    /// <summary>The typed exception inside Refit's wrapper or an <see cref="IxcReplyException"/>, if any.</summary>
    private static ConnectorException? Unwrap(Exception ex)
    {
        if (ex is ApiRequestException { InnerException: { } wrapped }) ex = wrapped;
        return ex switch
        {
            ConnectorException typed => typed,
            IxcReplyException { ParseFailure: { } parse } => parse,
            _ => null,
        };
    }

    private static ByteArrayContent Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>POSTs a resource ("button") endpoint with a small JSON body. Retried only when <paramref name="retryable"/> (a read).</summary>
    private Task<T> ActionAsync<T>(string resource, Dictionary<string, string> body, Func<byte[], T> parse, CancellationToken cancellationToken,
        bool retryable = false)
    {
        return SendAsync(resource, async (reader, ct) =>
        {
            using var content = Json(body, IxcJsonContext.Wire.DictionaryStringString);
            return await _api.ActionAsync(resource, content, retryable, reader, ct).ConfigureAwait(false);
        }, bytes => parse(bytes.ToArray()), retryable, cancellationToken);
    }

    /// <summary>POSTs a "button" whose success reply is <c>{"type":"success"}</c>; every error shape throws.</summary>
    private Task<bool> ButtonAsync(string resource, Dictionary<string, string> body, CancellationToken cancellationToken) =>
        ActionAsync(resource, body, bytes =>
        {
            IxcReply.ParseObject(resource, bytes).Dispose();
            return true;
        }, cancellationToken);

    // ---------------------------------------------------------------- listings

    /// <summary>One page of a listing.</summary>
    private async Task<IxcPage> ListPageAsync(IxcListing listing, int page, int pageSize, CancellationToken cancellationToken)
    {
        var request = listing.ToRequest(page, pageSize);
        var operation = listing.Table + ".listar";
        return await SendAsync(operation, async (reader, ct) =>
        {
            using var content = Json(request, IxcJsonContext.Wire.IxcListRequest);
            return await _api.ListAsync(listing.Table, content, _listingVerb, retryable: true, reader, ct).ConfigureAwait(false);
        }, bytes => IxcReply.ParseListing(operation, bytes.Span), retryable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many times a short page is asked again before the listing fails with <see cref="IxcIncompleteListingException"/>.</summary>
    private const int ShortPageRetries = 2;

    /// <summary>
    /// Every row of a listing, page by page, fetching the next page while the current one is consumed. Continues while
    /// fewer than <c>total</c> rows were seen. A page holding fewer rows than <c>total</c> implies for it (a short or empty
    /// page before the end) is asked again; if it stays short the listing throws <see cref="IxcIncompleteListingException"/>
    /// (never a silent truncation). IXC omits <c>registros</c> on an empty page.
    /// </summary>
    private async IAsyncEnumerable<IxcRow> ListAllAsync(IxcListing listing, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var current = ListPageAsync(listing, 1, pageSize, prefetch.Token);
        Task<IxcPage>? next = null;
        try
        {
            long seen = 0;
            for (var page = 1; ; page++)
            {
                var result = await current.ConfigureAwait(false);
                for (var retry = 0; result.Rows.Count < Expected(result.Total, page, pageSize); retry++)
                {
                    var expected = Expected(result.Total, page, pageSize);
                    if (retry == ShortPageRetries)
                        throw new IxcIncompleteListingException(listing.Table, page, expected, result.Rows.Count, result.Total);
                    IxcLog.ListingPageShort(_logger, listing.Table, page, result.Rows.Count, expected);
                    result = await ListPageAsync(listing, page, pageSize, prefetch.Token).ConfigureAwait(false);
                }
                seen += result.Rows.Count;
                var more = result.Rows.Count > 0 && seen < result.Total;
                next = more ? ListPageAsync(listing, page + 1, pageSize, prefetch.Token) : null;
                foreach (var row in result.Rows) yield return row;
                if (next is null) yield break;
                current = next;
                next = null;
            }
        }
        finally
        {
            if (next is not null)
            {
                await prefetch.CancelAsync().ConfigureAwait(false);
                try { await next.ConfigureAwait(false); }
                catch (Exception ex) when (ex is OperationCanceledException or ConnectorException) { /* abandoned prefetch */ }
            }
        }
    }

    /// <summary>Rows page <paramref name="page"/> must hold when the listing has <paramref name="total"/> rows.</summary>
    private static long Expected(long total, int page, int pageSize) => Math.Clamp(total - ((long)page - 1) * pageSize, 0, pageSize);

    /// <summary>Every row of a listing, buffered (for small per-customer results).</summary>
    private async Task<List<IxcRow>> ListRowsAsync(IxcListing listing, CancellationToken cancellationToken)
    {
        var rows = new List<IxcRow>();
        await foreach (var row in ListAllAsync(listing, _options.PageSize, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        return rows;
    }
}
