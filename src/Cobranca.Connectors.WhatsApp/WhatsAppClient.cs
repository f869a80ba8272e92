using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// Client of one WhatsApp Business number on the Cloud API (or on a host-supplied <see cref="IWhatsAppTransport"/>):
/// validates every message against Meta's documented limits before sending, refuses free-form messages outside the
/// 24-hour window (known from the inbound messages its <see cref="Webhooks"/> saw, kept in a state store), backs off
/// and retries only rate-limit refusals, and never repeats a send whose answer was lost.
/// </summary>
/// <remarks>
/// State lives in three <see cref="IStateStore"/> collections: <c>whatsapp.window</c> (last inbound per user),
/// <c>whatsapp.webhook-seen</c> (webhook ids, for dedupe) and <c>whatsapp.message</c> (outbound states by wamid and by
/// client reference). Without a store factory they are in memory (lost on restart): pass
/// <c>collection =&gt; ledgerStore.GetStateStore(tenant, collection)</c> in production.
/// </remarks>
public sealed class WhatsAppClient : IWhatsAppClient, IDisposable
{
    /// <summary>The provider name used in <see cref="ConnectorException.Provider"/> and telemetry.</summary>
    public const string ProviderName = "whatsapp";

    private readonly WhatsAppClientOptions _options;
    private readonly IWhatsAppTransport _transport;
    private readonly HttpClient? _owned;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string? _tenant;
    private readonly ConnectorInstrumentation _instrumentation;
    private readonly WhatsAppStateStores _state;

    /// <summary>
    /// Creates a client on the Cloud API that owns its <see cref="HttpClient"/>, with in-memory state (lost on restart).
    /// Dispose it when done. With DI, prefer <c>services.AddWhatsAppClient(tenant, ...)</c>.
    /// </summary>
    /// <param name="options">The number's settings (copied).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock of the window and back-offs; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem, never a secret).</exception>
    public WhatsAppClient(WhatsAppClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), null, null, null, loggerFactory?.CreateLogger<WhatsAppClient>(), timeProvider, null, null)
    {
    }

    /// <summary>
    /// Creates a client with durable state (<paramref name="stateStores"/> gives the collection by name, e.g.
    /// <c>c =&gt; ledgerStore.GetStateStore("isp-a", c)</c>) and, optionally, another transport than the Cloud API.
    /// </summary>
    /// <param name="options">The number's settings (copied). With a custom transport, the Cloud API settings are still validated.</param>
    /// <param name="stateStores">The state collections by name.</param>
    /// <param name="transport">Another transport (an unofficial gateway); null for the Cloud API.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WhatsAppClient(WhatsAppClientOptions options, Func<string, IStateStore> stateStores, IWhatsAppTransport? transport = null,
        ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), stateStores ?? throw new ArgumentNullException(nameof(stateStores)), transport, null,
            loggerFactory?.CreateLogger<WhatsAppClient>(), timeProvider, null, null)
    {
    }

    internal WhatsAppClient(WhatsAppClientOptions options, Func<string, IStateStore>? stateStores, IWhatsAppTransport? transport,
        Func<HttpClient>? httpClientFactory, ILogger? logger, TimeProvider? timeProvider, string? tenant, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _tenant = tenant;
        Credential = _options.Credential ?? new ConnectorSecret(_options.AccessToken ?? string.Empty);
        var appSecret = _options.AppSecretCredential ?? (string.IsNullOrEmpty(_options.AppSecret) ? null : new ConnectorSecret(_options.AppSecret));
        _instrumentation = new ConnectorInstrumentation(WhatsAppTelemetry.ActivitySourceName, ProviderName, meterFactory);
        _state = new WhatsAppStateStores(stateStores ?? WhatsAppStateStores.InMemory(_time), _time);
        if (transport is not null)
        {
            _transport = transport;
        }
        else
        {
            Func<HttpClient> http;
            if (httpClientFactory is null)
            {
                _owned = ConnectorHttpClientFactory.Create(NormalizeBaseAddress(_options.BaseAddress!), _options.Resilience, _time,
                    ConnectorHttpClientFactory.CreatePrimaryHandler(_options.PinnedCertificateThumbprints.ToList()));
                http = () => _owned;
            }
            else
            {
                http = httpClientFactory;
            }
            _transport = new CloudApiTransport(http, _options, Credential);
        }
        Webhooks = new WhatsAppWebhookHandler(_options, appSecret, _state, this, _logger, _time);
    }

    /// <summary>The access token in use: <see cref="ConnectorSecret.Update"/> rotates it for the next request.</summary>
    public ConnectorSecret Credential { get; }

    /// <inheritdoc />
    public string PhoneNumberId => _options.PhoneNumberId!;

    /// <inheritdoc />
    public WhatsAppTransportCapabilities Capabilities => _transport.Capabilities;

    /// <inheritdoc />
    public WhatsAppWebhookHandler Webhooks { get; }

    /// <summary>The Graph root with a trailing slash and no version or path: <c>https://graph.facebook.com/</c>.</summary>
    /// <param name="baseAddress">The address as configured.</param>
    public static Uri NormalizeBaseAddress(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("The Graph base address must be absolute.", nameof(baseAddress));
        var path = baseAddress.AbsolutePath.TrimEnd('/');
        // A pasted version segment (/v25.0) is removed: the version is ApiVersion.
        var last = path.LastIndexOf('/');
        if (last >= 0 && System.Text.RegularExpressions.Regex.IsMatch(path[(last + 1)..], @"^v\d{1,3}\.\d{1,2}$")) path = path[..last];
        return new Uri($"{baseAddress.Scheme}://{baseAddress.Authority}{path}/");
    }

    internal static void ConfigureHttpClient(HttpClient client, WhatsAppClientOptions options)
    {
        client.BaseAddress = NormalizeBaseAddress(options.BaseAddress!);
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
    }

    private static WhatsAppClientOptions Validated(WhatsAppClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(WhatsAppClientOptions), options.Validate());
        return options;
    }

    /// <inheritdoc />
    public async Task<WhatsAppSendResult> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.To, nameof(message) + "." + nameof(message.To));
        var problems = message.Validate();
        if (message.ClientReference is { Length: > 512 }) problems = [.. problems, "ClientReference has more than 512 characters."];
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid WhatsApp {message.GetType().Name}: " + string.Join(" ", problems), nameof(message));
        var needed = Needed(message);
        if ((_transport.Capabilities & needed) != needed)
            throw new NotSupportedException($"The '{_transport.Name}' transport cannot send {message.GetType().Name}.");

        const string operation = "messages.send";
        var start = Stopwatch.GetTimestamp();
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        activity?.SetTag("cobranca.whatsapp.message_type", message.Type);
        Exception? failure = null;
        try
        {
            if (message.IsFreeForm && _options.EnforceServiceWindow)
            {
                var window = await GetServiceWindowAsync(message.To, cancellationToken).ConfigureAwait(false);
                if (!window.IsOpen)
                {
                    throw new WhatsAppServiceWindowClosedException(
                        window.LastInboundAt is null
                            ? "The user has not written to this number (no customer-service window): only an approved template may be sent. No API call was made."
                            : "The user's 24-hour customer-service window is closed: only an approved template may be sent. No API call was made.",
                        window.LastInboundAt, fromApi: false) { TenantId = _tenant };
                }
            }
            var reference = message.ClientReference ?? Guid.NewGuid().ToString("N");
            var toSend = message.ClientReference is null ? message.WithClientReference(reference) : message;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var result = await _transport.SendAsync(toSend, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await _state.RecordAcceptedAsync(result.MessageId, reference, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception stateError)
                    {
                        // The message was accepted: never report it as failed because bookkeeping failed.
                        Log.StateWriteFailed(_logger, result.MessageId, stateError.GetType().Name);
                    }
                    Log.Sent(_logger, message.Type, message.To, result.MessageId, attempt);
                    return new WhatsAppSendResult
                    {
                        MessageId = result.MessageId, Recipient = result.Recipient, ClientReference = reference,
                        MessageStatus = result.MessageStatus, Attempts = attempt,
                    };
                }
                catch (Exception ex) when (attempt < _options.MaxSendAttempts && RetryDelay(ex, attempt) is { } delay)
                {
                    Log.Retrying(_logger, message.Type, message.To, attempt, ex.GetType().Name, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            Log.SendFailed(_logger, message.Type, message.To, ex.GetType().Name, ex is WhatsAppSendUnconfirmedException);
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, start, failure);
        }
    }

    /// <summary>How long to wait before repeating a send refused with <paramref name="error"/>, or null when it must not be repeated.</summary>
    internal TimeSpan? RetryDelay(Exception error, int attempt) => error switch
    {
        WhatsAppRateLimitedException r when r.ErrorCode == WhatsAppErrorCodes.PairRateLimit =>
            Max(r.RetryAfter, _options.PairRateLimitBackoff),
        WhatsAppRateLimitedException r => Max(r.RetryAfter, Backoff(attempt)),
        ConnectorRateLimitedException r => Max(r.RetryAfter, Backoff(attempt)), // HTTP 429 without a Graph body
        ConnectorTransportException { RequestNotSent: true } and not WhatsAppSendUnconfirmedException => Backoff(attempt),
        _ => null,
    };

    private TimeSpan Backoff(int attempt) => _options.RateLimitBackoff * Math.Pow(2, attempt - 1);

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private static WhatsAppTransportCapabilities Needed(WhatsAppMessage message) => message switch
    {
        WhatsAppTemplateMessage => WhatsAppTransportCapabilities.Templates,
        WhatsAppButtonsMessage => WhatsAppTransportCapabilities.Buttons,
        WhatsAppListMessage => WhatsAppTransportCapabilities.Lists,
        WhatsAppDocumentMessage => WhatsAppTransportCapabilities.Documents,
        WhatsAppImageMessage => WhatsAppTransportCapabilities.Images,
        _ => WhatsAppTransportCapabilities.None,
    };

    /// <inheritdoc />
    public Task<WhatsAppSendResult> SendTextAsync(WhatsAppUser to, string text, CancellationToken cancellationToken = default) =>
        SendAsync(new WhatsAppTextMessage { To = to, Body = text }, cancellationToken);

    /// <inheritdoc />
    public async Task<string> UploadMediaAsync(Stream content, string mimeType, string fileName, CancellationToken cancellationToken = default)
    {
        const string operation = "media.upload";
        var start = Stopwatch.GetTimestamp();
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        Exception? failure = null;
        try
        {
            return await _transport.UploadMediaAsync(content, mimeType, fileName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, start, failure);
        }
    }

    /// <inheritdoc />
    public async Task MarkAsReadAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        const string operation = "messages.read";
        var start = Stopwatch.GetTimestamp();
        using var activity = _instrumentation.StartOperation(operation, _tenant);
        Exception? failure = null;
        try
        {
            await _transport.MarkAsReadAsync(messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _instrumentation.Record(activity, operation, _tenant, start, failure);
        }
    }

    /// <inheritdoc />
    public async Task<WhatsAppServiceWindow> GetServiceWindowAsync(WhatsAppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var last = await _state.LastInboundAsync(user, cancellationToken).ConfigureAwait(false);
        if (last is null) return new WhatsAppServiceWindow(false, null, null);
        var closes = last.Value + _options.ServiceWindow;
        return new WhatsAppServiceWindow(_time.GetUtcNow() < closes, last, closes);
    }

    /// <inheritdoc />
    public Task RecordInboundAsync(WhatsAppUser user, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _state.RecordInboundAsync(user, receivedAt, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WhatsAppMessageState?> GetMessageStateAsync(string messageIdOrClientReference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageIdOrClientReference);
        return _state.GetStateAsync(messageIdOrClientReference, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}
