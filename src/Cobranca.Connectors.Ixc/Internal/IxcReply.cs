using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// Turns IXC replies into values or typed exceptions. IXC reports most errors under HTTP 200, so the body shape
/// decides: <c>{"type":"error"}</c> / <c>{"tipo":"erro"}</c>, an HTML fragment, an empty body, or text that is not JSON.
/// Never branch on Content-Type.
/// </summary>
internal static partial class IxcReply
{
    private const string Provider = IxcClient.ProviderName;

    /// <summary><see cref="ConnectorApiException.ProviderErrorCode"/> of "Recurso X não está disponível" (no permission on X).</summary>
    public const string ResourceUnavailableCode = "resource-unavailable";

    /// <summary>Maps HTTP-level failures (401, 403, 404, 429, 5xx), reading the body for the IP-allow-list message first.</summary>
    public static ConnectorApiException FromHttpStatus(string operation, HttpStatusCode status, string body, HttpResponseHeaders? headers)
    {
        if (LooksLikeIpNotAllowed(body)) return new IxcIpNotAllowedException(operation, (int)status, body);
        var hint = (int)status switch
        {
            400 => "IXC answers 400 to a request that is not Basic-authenticated or to a TLS problem.",
            401 => "the token is wrong or its user is inactive; the token is \"<user id>:<hash>\" of a user with webservice access.",
            403 => "the token is not accepted (a token from a migrated server must be recreated in IXC).",
            404 => "the route does not exist, or a listing was sent without the 'ixcsoft: listar' header.",
            500 => "IXC answers 500 for an unknown endpoint or a qtype/sortname not in tabela.campo form.",
            502 or 503 or 504 => "IXC is overloaded or timed out.",
            _ => null,
        };
        return HttpErrorMapper.FromStatus(Provider, operation, status, body, headers, detail: hint);
    }

    /// <summary>Parses a JSON object reply, throwing for every error shape IXC uses under HTTP 200.</summary>
    public static JsonDocument ParseObject(string operation, byte[] body, int statusCode = 200)
    {
        var doc = ParseJson(operation, body, statusCode);
        if (ErrorMessage(doc.RootElement) is { } message)
        {
            var code = Str(doc.RootElement, "codigo") ?? Str(doc.RootElement, "code");
            doc.Dispose();
            throw BusinessError(operation, message, code, Decode(body), statusCode);
        }
        return doc;
    }

    /// <summary>
    /// Parses a JSON object reply straight from the bytes (text is only decoded for errors), throwing for an empty body,
    /// an HTML fragment, text that is not JSON or malformed JSON, but leaving IXC's <c>type</c>/<c>tipo</c> to the caller
    /// (for replies where a refusal is an answer). Invalid UTF-8 is read as Latin-1.
    /// </summary>
    public static JsonDocument ParseJson(string operation, byte[] body, int statusCode = 200)
    {
        var start = JsonStart(operation, body, statusCode);
        JsonDocument doc;
        try
        {
            doc = System.Text.Unicode.Utf8.IsValid(body) ? JsonDocument.Parse(body.AsMemory(start)) : JsonDocument.Parse(Decode(body));
        }
        catch (JsonException ex)
        {
            throw new ConnectorTransportException(Provider, operation, "IXC answered with malformed JSON.", ex);
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new ConnectorTransportException(Provider, operation, "IXC answered with JSON that is not an object.");
        }
        return doc;
    }

    /// <summary>
    /// Where the JSON object starts (after a BOM and blanks), throwing for an empty body, an HTML fragment and text that
    /// does not start like a JSON object.
    /// </summary>
    private static int JsonStart(string operation, ReadOnlySpan<byte> body, int statusCode)
    {
        var start = 0;
        if (body.StartsWith(Utf8Bom)) start = Utf8Bom.Length;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == body.Length)
            throw new ConnectorTransportException(Provider, operation, "IXC answered with an empty body.");
        if (body[start] == '<') throw HtmlError(operation, Decode(body), statusCode);
        if (body[start] != '{')
        {
            var text = Decode(body);
            if (LooksLikeIpNotAllowed(text)) throw new IxcIpNotAllowedException(operation, statusCode, text);
            throw new ConnectorTransportException(Provider, operation,
                "IXC answered with a body that is not JSON (a wrong token can cause this; check the token and the base URL).");
        }
        return start;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads a listing envelope <c>{page, total, registros}</c> in one forward pass over the bytes, building each row
    /// directly (no <see cref="JsonDocument"/>). The error shapes are detected as in <see cref="ParseObject"/>. A missing
    /// <c>registros</c> is an empty page.
    /// </summary>
    public static IxcPage ParseListing(string operation, ReadOnlySpan<byte> body)
    {
        var start = JsonStart(operation, body, 200);
        var json = System.Text.Unicode.Utf8.IsValid(body) ? body[start..] : Encoding.UTF8.GetBytes(Decode(body));
        IxcEnvelope envelope;
        try
        {
            envelope = IxcEnvelope.Read(json);
        }
        catch (JsonException ex)
        {
            throw new ConnectorTransportException(Provider, operation, "IXC answered with malformed JSON.", ex);
        }
        if (!envelope.IsObject)
            throw new ConnectorTransportException(Provider, operation, "IXC answered with JSON that is not an object.");
        if (IsErrorKind(envelope.Type ?? envelope.Tipo))
        {
            throw BusinessError(operation, envelope.Message ?? envelope.Mensagem ?? "(no message)", envelope.Codigo ?? envelope.Code,
                Decode(body), 200);
        }
        if (envelope.TotalKind is null)
            throw new ConnectorTransportException(Provider, operation, "IXC answered a listing without 'total'.");
        if (envelope.Total is not { } total)
            throw new ConnectorTransportException(Provider, operation, "IXC answered a listing whose 'total' is not a number.");
        return new IxcPage(total, envelope.Rows);
    }

    /// <summary>The error message when <paramref name="root"/> has IXC's error shape; null otherwise.</summary>
    public static string? ErrorMessage(JsonElement root)
    {
        if (!IsErrorKind(Str(root, "type") ?? Str(root, "tipo"))) return null;
        return Str(root, "message") ?? Str(root, "mensagem") ?? "(no message)";
    }

    private static bool IsErrorKind(string? kind) =>
        kind is not null && (kind.Equals("error", StringComparison.OrdinalIgnoreCase) || kind.Equals("erro", StringComparison.OrdinalIgnoreCase));

    public static string? Str(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    public static ConnectorApiException BusinessError(string operation, string message, string? code, string body, int statusCode)
    {
        if (LooksLikeIpNotAllowed(message)) return new IxcIpNotAllowedException(operation, statusCode, body);
        if (ResourceUnavailable().Match(message) is { Success: true } refused)
        {
            return new ConnectorAuthenticationException(Provider, operation,
                $"IXC says: \"{message}\". The webservice user's group has no permission on {refused.Groups["resource"].Value} (or it does not exist in this IXC version).",
                statusCode, ResourceUnavailableCode, body);
        }
        return new ConnectorApiException(Provider, operation, $"IXC refused the call: \"{message}\".", statusCode, code, body);
    }

    public static ConnectorApiException HtmlError(string operation, string body, int statusCode)
    {
        if (LooksLikeIpNotAllowed(body)) return new IxcIpNotAllowedException(operation, statusCode, body);
        var text = Tags().Replace(body, " ");
        text = WebUtility.HtmlDecode(Spaces().Replace(text, " ")).Trim();
        if (text.Length > 200) text = text[..200];
        return new ConnectorApiException(Provider, operation,
            $"IXC answered with an HTML error fragment: \"{text}\" (a wrong listing verb or body format can cause this; see IxcClientOptions.ListingVerb).",
            statusCode, "html-error", body);
    }

    public static bool LooksLikeIpNotAllowed(string text) => IpNotAllowed().IsMatch(text);

    /// <summary>Decodes a body leniently: UTF-8 when valid, Windows-1252-compatible Latin-1 otherwise.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"\bIP\b[^.!]{0,40}\b(liberad|permitid|autorizad)", RegexOptions.IgnoreCase)]
    private static partial Regex IpNotAllowed();

    /// <summary>
    /// Exactly IXC's permission refusal, "Recurso {table-or-resource} não está disponível!": not any sentence with "não está
    /// disponível" (a trust-unlock refusal, "Pix não está disponível para esta carteira" ...), which are business answers.
    /// </summary>
    [GeneratedRegex(@"^\s*Recurso\s+(?<resource>[A-Za-z0-9_.\-]+)\s+n[ãa]o\s+est[áa]\s+dispon[íi]vel\s*[!.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceUnavailable();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>One page of a listing.</summary>
internal sealed record IxcPage(long Total, IReadOnlyList<IxcRow> Rows);
