using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Http.Tests;

/// <summary>
/// The shared bearer send loop of Pix and the boleto bank client. Both packages' tests cover it end to end against their
/// sandboxes; these pin what neither does on its own: the log events' ids, names, levels and messages (unchanged from
/// the per-package definitions they replaced), a second 401, and that caller cancellation is not logged or counted.
/// </summary>
public sealed class OAuthBearerTransportTests
{
    private static readonly Uri TokenUrl = new("https://psp.test/oauth/token");
    private static readonly Uri ApiBase = new("https://psp.test/v2/");

    [Theory]
    [InlineData("Pix")]
    [InlineData("Boleto")]
    public void Log_events_keep_the_ids_names_levels_and_messages_of_the_package_definitions(string prefix)
    {
        var log = new OAuthBearerLog(prefix);
        var logger = new ListLogger();
        var boom = new ConnectorTransportException("p", "op", "reset");

        log.Request(logger, "pix:efi", "cob.get", 200);
        log.RequestFailed(logger, "pix:efi", "cob.get", boom);
        log.TokenIssued(logger, "pix:efi", 3600);
        log.TokenRejected(logger, "pix:efi", "cob.get");

        Assert.Collection(logger.Entries,
            e => Assert.Equal((1, prefix + "Request", LogLevel.Debug, "pix:efi cob.get -> 200", (Exception?)null), (e.Id.Id, e.Id.Name, e.Level, e.Message, e.Exception)),
            e => Assert.Equal((2, prefix + "RequestFailed", LogLevel.Error, "pix:efi cob.get failed", (Exception?)boom), (e.Id.Id, e.Id.Name, e.Level, e.Message, e.Exception)),
            e => Assert.Equal((3, prefix + "TokenIssued", LogLevel.Debug, "pix:efi OAuth token obtained, valid for 3600 s", (Exception?)null), (e.Id.Id, e.Id.Name, e.Level, e.Message, e.Exception)),
            e => Assert.Equal((4, prefix + "TokenRejected", LogLevel.Information, "pix:efi cob.get got 401: token dropped, retrying once with a new one", (Exception?)null),
                (e.Id.Id, e.Id.Name, e.Level, e.Message, e.Exception)));
        // Structured state as the [LoggerMessage] generator produced it (named values plus the template).
        Assert.Equal(new[] { "Provider=pix:efi", "Operation=cob.get", "StatusCode=200", "{OriginalFormat}={Provider} {Operation} -> {StatusCode}" }, logger.Entries[0].State);
    }

    [Fact]
    public void Log_events_are_skipped_when_the_level_is_disabled()
    {
        var log = new OAuthBearerLog("Pix");
        var logger = new ListLogger { MinLevel = LogLevel.Warning };
        log.Request(logger, "pix:efi", "cob.get", 200);
        log.TokenIssued(logger, "pix:efi", 60);
        log.TokenRejected(logger, "pix:efi", "cob.get");
        log.RequestFailed(logger, "pix:efi", "cob.get", new InvalidOperationException());
        Assert.Equal(new[] { 2 }, logger.Entries.Select(e => e.Id.Id));
    }

    [Fact]
    public async Task A_request_carries_the_token_accept_extra_headers_body_and_retry_flag()
    {
        using var fixture = new Fixture();
        fixture.Api.Enqueue(_ => Json(HttpStatusCode.OK, "{\"ok\":true}"));

        var text = await fixture.Transport.SendAsync(HttpMethod.Put, "cob/abc", "{\"valor\":1}", static b => b, retryable: true, "cob.put",
            static t => t, CancellationToken.None);

        Assert.Equal("{\"ok\":true}", text);
        var sent = Assert.Single(fixture.ApiRequests);
        Assert.Equal(new Uri("https://psp.test/v2/cob/abc?fixed=1"), sent.Uri);
        Assert.Equal("Bearer token-1", sent.Authorization);
        Assert.Equal("application/json", sent.Accept);
        Assert.Equal("acct", sent.ExtraHeader);
        Assert.Equal("{\"valor\":1}", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.True(sent.Retryable);
    }

    [Fact]
    public async Task A_401_drops_the_token_and_retries_once_and_a_second_401_goes_through_the_error_mapper()
    {
        using var fixture = new Fixture();
        fixture.Api.Enqueue(_ => Json(HttpStatusCode.Unauthorized, "{}"));
        fixture.Api.Enqueue(_ => Json(HttpStatusCode.Unauthorized, "{\"detail\":\"still no\"}"));

        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() =>
            fixture.Transport.SendAsync(HttpMethod.Post, "cob", "{}", static b => b, retryable: false, "cob.post", static t => t, CancellationToken.None));

        Assert.Equal("mapped 401 {\"detail\":\"still no\"}", ex.Message);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, fixture.ApiRequests.Select(r => r.Authorization));
        Assert.All(fixture.ApiRequests, r => Assert.False(r.Retryable));
        Assert.Equal(2, fixture.Tokens.TokensRequested);
        Assert.Equal(new[] { 1, 4, 1, 2 }, fixture.Logger.Entries.Select(e => e.Id.Id));
    }

    [Fact]
    public async Task A_lost_answer_is_a_transport_error_sent_once_logged_and_counted()
    {
        using var fixture = new Fixture();
        fixture.Api.Enqueue(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "cut"));

        await Assert.ThrowsAsync<ConnectorTransportException>(() =>
            fixture.Transport.SendAsync(HttpMethod.Post, "cob", "{}", static b => b, retryable: false, "cob.post", static t => t, CancellationToken.None));

        Assert.Single(fixture.ApiRequests);
        Assert.Equal(new[] { 2 }, fixture.Logger.Entries.Select(e => e.Id.Id));
        Assert.Equal(new[] { "Cobranca.Connectors.Abstractions.ConnectorTransportException" }, fixture.ErrorTypes);
    }

    [Fact]
    public async Task A_reply_the_reader_rejects_fails_the_operation()
    {
        using var fixture = new Fixture();
        fixture.Api.Enqueue(_ => Json(HttpStatusCode.OK, "not json"));

        await Assert.ThrowsAsync<ConnectorTransportException>(() => fixture.Transport.SendAsync<string?, string>(HttpMethod.Get, "cob/abc", null,
            static b => b, retryable: true, "cob.get",
            static t => throw HttpErrorMapper.FromException("pix:test", "cob.get", new System.Text.Json.JsonException(), CancellationToken.None)!,
            CancellationToken.None));

        Assert.Equal(new[] { 1, 2 }, fixture.Logger.Entries.Select(e => e.Id.Id));
        Assert.Single(fixture.ErrorTypes);
        Assert.Null(Assert.Single(fixture.ApiRequests).Body);
    }

    [Fact]
    public async Task A_caller_cancellation_stays_OperationCanceledException_and_is_neither_logged_nor_counted()
    {
        using var fixture = new Fixture();
        using var cts = new CancellationTokenSource();
        fixture.Api.Enqueue(_ => Json(HttpStatusCode.OK, "{}"));
        await fixture.Transport.SendAsync(HttpMethod.Get, "cob/a", (string?)null, static b => b, retryable: true, "cob.get", static t => t, cts.Token);
        fixture.Logger.Entries.Clear();
        fixture.Api.Enqueue(_ =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Transport.SendAsync(HttpMethod.Get, "cob/b", (string?)null, static b => b, retryable: true, "cob.get", static t => t, cts.Token));

        Assert.Empty(fixture.Logger.Entries);
        Assert.Empty(fixture.ErrorTypes);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed record SentRequest(Uri Uri, string? Authorization, string? Accept, string? ExtraHeader, string? Body, string? ContentType, bool Retryable);

    private sealed class Fixture : IDisposable
    {
        private static int _instance;
        private readonly HttpClient _client;
        private readonly MeterListener _meters = new();
        private readonly string _telemetryName = "Cobranca.Connectors.Http.Tests.Bearer" + Interlocked.Increment(ref _instance);
        private int _tokenCount;

        public Fixture()
        {
            _client = new HttpClient(new Handler(this));
            Tokens = new OAuthTokenCache(new OAuthTokenSettings { ProviderName = "pix:test", TokenUrl = TokenUrl },
                new ConnectorCredential("id", "secret"), () => _client, TimeProvider.System);
            Transport = new OAuthBearerTransport(new OAuthBearerTransportSettings
            {
                ProviderName = "pix:test",
                TelemetryName = _telemetryName,
                Tenant = "isp-a",
                Logger = Logger,
                Log = new OAuthBearerLog("Test"),
                HttpClient = () => _client,
                Tokens = Tokens,
                BuildUri = path => new Uri(ApiBase, path + "?fixed=1"),
                AddHeaders = r => r.Headers.TryAddWithoutValidation("x-account", "acct"),
                MapError = (provider, operation, status, body, headers) =>
                    new ConnectorAuthenticationException(provider, operation, $"mapped {(int)status} {body}", (int)status, null, null),
            });
            _meters.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == _telemetryName) l.EnableMeasurementEvents(i);
            };
            _meters.SetMeasurementEventCallback<long>((i, _, tags, _) =>
            {
                if (i.Name != ConnectorTelemetry.OperationErrorsInstrument) return;
                foreach (var tag in tags)
                {
                    if (tag.Key == ConnectorTelemetry.ErrorTypeAttribute) ErrorTypes.Add((string)tag.Value!);
                }
            });
            _meters.Start();
        }

        public ListLogger Logger { get; } = new();

        public OAuthTokenCache Tokens { get; }

        public OAuthBearerTransport Transport { get; }

        public Queue<Func<HttpRequestMessage, HttpResponseMessage>> Api { get; } = new();

        public List<SentRequest> ApiRequests { get; } = [];

        public ConcurrentBag<string> ErrorTypes { get; } = [];

        public void Dispose()
        {
            _meters.Dispose();
            Transport.Dispose();
            Tokens.Dispose();
            _client.Dispose();
        }

        private sealed class Handler(Fixture owner) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.RequestUri == TokenUrl)
                {
                    var n = Interlocked.Increment(ref owner._tokenCount);
                    return Json(HttpStatusCode.OK, $"{{\"access_token\":\"token-{n}\",\"expires_in\":3600}}");
                }

                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                owner.ApiRequests.Add(new SentRequest(request.RequestUri!, request.Headers.Authorization?.ToString(), request.Headers.Accept.ToString(),
                    request.Headers.TryGetValues("x-account", out var values) ? string.Join(",", values) : null, body,
                    request.Content?.Headers.ContentType?.ToString(), request.IsRetryable()));
                return owner.Api.Dequeue()(request);
            }
        }
    }

    internal sealed class ListLogger : ILogger
    {
        public LogLevel MinLevel { get; init; } = LogLevel.Trace;

        public List<(EventId Id, LogLevel Level, string Message, Exception? Exception, string[] State)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state is IEnumerable<KeyValuePair<string, object?>> kv ? kv.Select(p => $"{p.Key}={p.Value}").ToArray() : [];
            Entries.Add((eventId, logLevel, formatter(state, exception), exception, pairs));
        }
    }
}
