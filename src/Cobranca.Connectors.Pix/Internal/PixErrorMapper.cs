using System.Net;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Maps an HTTP error reply to the ConnectorException hierarchy. Reads RFC 7807 <c>Problema</c>
/// (<c>type</c>/<c>title</c>/<c>detail</c>/<c>violacoes</c>) and the <c>nome</c>/<c>mensagem</c> shape some PSPs use;
/// anything else falls back to the (redacted, truncated) raw body.
/// </summary>
internal static class PixErrorMapper
{
    public static ConnectorApiException Map(string provider, string operation, HttpStatusCode status, string? body,
        TimeSpan? retryAfter, string? tenantId)
    {
        var problem = TryParse(body);
        var code = ErrorCode(problem);
        var statusCode = (int)status;
        var summary = problem?.Title ?? problem?.Mensagem ?? status.ToString();
        var message = problem?.Detail is { Length: > 0 } detail && !string.Equals(detail, summary, StringComparison.Ordinal)
            ? $"{provider} {operation} failed: {statusCode} {summary} {detail}"
            : $"{provider} {operation} failed: {statusCode} {summary}";
        var requestId = problem?.CorrelationId;

        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorAuthenticationException(provider, operation,
                message + " (check client id/secret, scopes and the mTLS certificate)", statusCode, code, body)
            { RequestId = requestId, TenantId = tenantId },
            HttpStatusCode.NotFound or HttpStatusCode.Gone => new ConnectorNotFoundException(provider, operation, message, statusCode, code, body)
            { RequestId = requestId, TenantId = tenantId },
            HttpStatusCode.TooManyRequests => new ConnectorRateLimitedException(provider, operation, message, retryAfter, statusCode, body)
            { RequestId = requestId, TenantId = tenantId },
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => new ConnectorValidationException(
                provider, operation, message, Violations(problem), statusCode, code, body)
            { RequestId = requestId, TenantId = tenantId },
            _ => new ConnectorApiException(provider, operation, message, statusCode, code, body) { RequestId = requestId, TenantId = tenantId },
        };
    }

    internal static ProblemaDto? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            var p = JsonSerializer.Deserialize(body, PixJsonContext.Default.ProblemaDto);
            return p is null || (p.Type is null && p.Title is null && p.Nome is null && p.Mensagem is null) ? null : p;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorCode(ProblemaDto? problem)
    {
        if (problem?.Type is { Length: > 0 } type)
        {
            var slash = type.TrimEnd('/').LastIndexOf('/');
            return slash >= 0 ? type[(slash + 1)..].TrimEnd('/') : type;
        }

        return problem?.Nome;
    }

    private static List<FieldViolation> Violations(ProblemaDto? problem) =>
        problem?.Violacoes?.Select(v => new FieldViolation(
            v.Propriedade ?? string.Empty,
            SensitiveData.Redact(v.Razao) ?? string.Empty,
            v.Valor is null ? null : SensitiveData.Redact(v.Valor))).ToList() ?? [];
}
