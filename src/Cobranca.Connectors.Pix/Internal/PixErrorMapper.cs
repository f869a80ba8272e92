using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Maps a BACEN error reply to the ConnectorException hierarchy (status -> type via the shared
/// <see cref="HttpErrorMapper"/>). Reads RFC 7807 <c>Problema</c> (<c>type</c> -> ProviderErrorCode, <c>title</c>,
/// <c>detail</c>, <c>correlationId</c>, <c>violacoes</c> -> redacted FieldViolations) and the <c>nome</c>/<c>mensagem</c>
/// shape some PSPs use instead; anything else falls back to the (redacted, truncated) raw body.
/// </summary>
internal static class PixErrorMapper
{
    public static ConnectorApiException Map(string provider, string operation, HttpStatusCode status, string? body, HttpResponseHeaders? headers)
    {
        var problem = TryParse(body);
        var detail = problem is null ? null : string.Join(" ", new[] { problem.Title ?? problem.Mensagem, problem.Detail }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));
        if (problem?.CorrelationId is { Length: > 0 } correlation) detail += $" (correlationId {correlation})";
        return HttpErrorMapper.FromStatus(provider, operation, status, body, headers, ErrorCode(problem),
            string.IsNullOrWhiteSpace(detail) ? null : detail, Violations(problem));
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
            var trimmed = type.TrimEnd('/');
            return trimmed[(trimmed.LastIndexOf('/') + 1)..];
        }

        return problem?.Nome;
    }

    private static List<FieldViolation> Violations(ProblemaDto? problem) =>
        problem?.Violacoes?.Select(v => new FieldViolation(
            v.Propriedade ?? string.Empty,
            SensitiveData.Redact(v.Razao) ?? string.Empty,
            SensitiveData.Redact(v.Valor))).ToList() ?? [];
}
