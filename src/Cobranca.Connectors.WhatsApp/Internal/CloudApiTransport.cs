using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>The Cloud API wire: <c>POST /{version}/{phone-number-id}/messages</c> and <c>/media</c>, Graph errors mapped.</summary>
internal sealed class CloudApiTransport : IWhatsAppTransport
{
    private readonly Func<HttpClient> _http;
    private readonly WhatsAppClientOptions _options;
    private readonly ConnectorSecret _token;

    public CloudApiTransport(Func<HttpClient> http, WhatsAppClientOptions options, ConnectorSecret token)
    {
        _http = http;
        _options = options;
        _token = token;
    }

    public string Name => "cloud-api";

    public WhatsAppTransportCapabilities Capabilities => WhatsAppTransportCapabilities.CloudApi;

    private string Path(string leaf) => $"{_options.ApiVersion}/{_options.PhoneNumberId}/{leaf}";

    public async Task<WhatsAppSendResult> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken = default)
    {
        const string operation = "messages.send";
        var reference = message.ClientReference ?? throw new ArgumentException("The client reference is set by the client.", nameof(message));
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("messages"))
        {
            Content = new ByteArrayContent(WhatsAppRequestWriter.Write(message)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.MarkRetryable(false);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Unsent(ex, operation, reference, cancellationToken);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = MapError(operation, response, body);
                // A Meta-side failure (5xx, or 1/2/131000/131016 codes) may still have created the message: unconfirmed, never repeated.
                if (error is WhatsAppApiException { ErrorClass: WhatsAppErrorClass.ServiceUnavailable } || (int)response.StatusCode >= 500 && error is not ConnectorRateLimitedException)
                    throw new WhatsAppSendUnconfirmedException($"whatsapp {operation}: Meta answered HTTP {(int)response.StatusCode} after receiving the message; it may or may not have been accepted and is not re-sent.", reference, error);
                throw error;
            }
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                var msg = root.GetProperty("messages")[0];
                var id = msg.GetProperty("id").GetString();
                if (string.IsNullOrEmpty(id)) throw new JsonException("messages[0].id is empty.");
                string? status = msg.TryGetProperty("message_status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var recipient = message.To;
                if (root.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array && contacts.GetArrayLength() > 0)
                {
                    var c = contacts[0];
                    var waId = c.TryGetProperty("wa_id", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()?.Trim() : null;
                    var userId = c.TryGetProperty("user_id", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()?.Trim() : null;
                    if (!string.IsNullOrEmpty(waId) || !string.IsNullOrEmpty(userId))
                    {
                        try { recipient = WhatsAppUser.From(waId, userId ?? message.To.UserId); }
                        catch (FormatException) { recipient = message.To; }
                    }
                }
                return new WhatsAppSendResult { MessageId = id, Recipient = recipient, ClientReference = reference, MessageStatus = status };
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new WhatsAppSendUnconfirmedException($"whatsapp {operation}: HTTP {(int)response.StatusCode} without a message id in the reply; the message may have been accepted and is not re-sent.", reference, ex);
            }
        }
    }

    public async Task<string> UploadMediaAsync(Stream content, string mimeType, string fileName, CancellationToken cancellationToken = default)
    {
        const string operation = "media.upload";
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) throw new ArgumentException("The media is empty.", nameof(content));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("whatsapp"), "messaging_product");
        form.Add(new StringContent(mimeType), "type");
        var file = new ByteArrayContent(bytes.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("media")) { Content = form };
        request.MarkRetryable(); // an upload repeated only creates another media id
        var body = await ExchangeAsync(request, operation, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.GetProperty("id").GetString() is { Length: > 0 } id ? id : throw new JsonException("id is empty.");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConnectorTransportException(WhatsAppClient.ProviderName, operation, "whatsapp media.upload: the reply has no media id.", ex);
        }
    }

    public async Task MarkAsReadAsync(string messageId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path("messages"))
        {
            Content = new ByteArrayContent(WhatsAppRequestWriter.WriteMarkAsRead(messageId)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.MarkRetryable(); // idempotent
        await ExchangeAsync(request, "messages.read", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ExchangeAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw MapError(operation, response, body);
            return body;
        }
        catch (Exception ex) when (HttpErrorMapper.FromException(WhatsAppClient.ProviderName, operation, ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Reveal());
        return _http().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static ConnectorException Unsent(Exception ex, string operation, string reference, CancellationToken ct)
    {
        if (ex is OperationCanceledException && ct.IsCancellationRequested) throw ex;
        var mapped = HttpErrorMapper.FromException(WhatsAppClient.ProviderName, operation, ex, ct);
        if (mapped is ConnectorTransportException { RequestNotSent: true } notSent) return notSent;
        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            return new ConnectorTransportException(WhatsAppClient.ProviderName, operation, HttpErrorMapper.Describe(WhatsAppClient.ProviderName, operation, (HttpRequestException)ex), ex) { RequestNotSent = true };
        return new WhatsAppSendUnconfirmedException(
            $"whatsapp {operation}: no answer came back ({(mapped?.Message ?? ex.GetType().Name)}); Meta may have accepted the message, so it is not re-sent. Its status webhooks will tell.", reference, ex);
    }

    /// <summary>Maps a Graph error reply (<c>{"error":{...}}</c>) to the exception hierarchy.</summary>
    internal static ConnectorException MapError(string operation, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        int? code = null, subcode = null;
        string? message = null, details = null, trace = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                code = Int(e, "code");
                subcode = Int(e, "error_subcode");
                message = Str(e, "message");
                trace = Str(e, "fbtrace_id");
                if (e.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object) details = Str(data, "details");
            }
        }
        catch (JsonException)
        {
        }
        if (code is null)
        {
            var plain = HttpErrorMapper.FromStatus(WhatsAppClient.ProviderName, operation, response.StatusCode, body, response.Headers);
            return plain;
        }
        var c = code.Value;
        var text = $"whatsapp {operation} failed: HTTP {status}, Graph error {c}" + (subcode is null ? "" : $"/{subcode}") + (message is null ? "." : $": {message}") + (details is null ? "" : $" ({details})");
        var codeText = c.ToString(CultureInfo.InvariantCulture);
        switch (WhatsAppErrorCodes.Classify(c))
        {
            case WhatsAppErrorClass.Authentication:
                return new ConnectorAuthenticationException(WhatsAppClient.ProviderName, operation, text + " Check the access token and its permissions (whatsapp_business_messaging).", status, codeText, body) { RequestId = trace };
            case WhatsAppErrorClass.RateLimited:
            case WhatsAppErrorClass.PairRateLimited:
                var retryAfter = response.Headers.RetryAfter?.Delta;
                return new WhatsAppRateLimitedException(operation, text, c, retryAfter, status, body) { RequestId = trace };
            case WhatsAppErrorClass.ServiceWindowClosed:
                return new WhatsAppServiceWindowClosedException(text + " Send an approved template instead.", null, fromApi: true) { RequestId = trace };
            case WhatsAppErrorClass.Template:
            case WhatsAppErrorClass.InvalidRequest:
                return new ConnectorValidationException(WhatsAppClient.ProviderName, operation, text, null, status, codeText, body) { RequestId = trace };
            default:
                return new WhatsAppApiException(operation, text, status, c, subcode, body) { RequestId = trace, Details = SensitiveData.Redact(details) };
        }
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var i) => i,
            JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        } : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
