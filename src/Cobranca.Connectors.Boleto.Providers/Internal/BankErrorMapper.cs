using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

/// <summary>
/// Maps the banks' error replies to the ConnectorException hierarchy: BB <c>{"erros":[{codigo,mensagem}]}</c> and
/// its English variant <c>{"errors":[{code,message}]}</c>, Inter's RFC 7807-like <c>{title,detail,violacoes}</c>,
/// Sicoob <c>{"mensagens":[{mensagem,codigo}]}</c>, Efí <c>{code,error,error_description}</c>. Texts are redacted.
/// </summary>
internal static class BankErrorMapper
{
    public static ConnectorApiException Map(string provider, string operation, HttpStatusCode status, string? body, HttpResponseHeaders? headers)
    {
        var (code, message, violations) = Parse(body);
        return HttpErrorMapper.FromStatus(provider, operation, status, body, headers, code,
            message is null ? null : SensitiveData.Redact(message), violations);
    }

    internal static (string? Code, string? Message, List<FieldViolation> Violations) Parse(string? body)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(body)) return (null, null, violations);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (null, null, violations);
        }

        if (node is not JsonObject o) return (null, null, violations);
        foreach (var listName in new[] { "erros", "errors", "mensagens" })
        {
            if (o[listName] is JsonArray list && list.Count > 0)
            {
                var messages = new List<string>();
                string? first = null;
                foreach (var item in list.OfType<JsonObject>())
                {
                    var c = Json.Text(item, "codigo", "code");
                    var m = Json.Text(item, "mensagem", "message", "textoMensagem");
                    first ??= c;
                    if (m is not null) messages.Add(m);
                    if (Json.Text(item, "campo", "field") is { } field) violations.Add(new FieldViolation(field, SensitiveData.Redact(m) ?? string.Empty, null));
                }

                return (first, messages.Count == 0 ? null : string.Join(" ", messages), violations);
            }
        }

        if (o["violacoes"] is JsonArray v)
        {
            foreach (var item in v.OfType<JsonObject>())
            {
                violations.Add(new FieldViolation(Json.Text(item, "propriedade") ?? string.Empty,
                    SensitiveData.Redact(Json.Text(item, "razao")) ?? string.Empty, SensitiveData.Redact(Json.Text(item, "valor"))));
            }
        }

        var code = Json.Text(o, "error", "codigo", "code", "type");
        var text = string.Join(" ", new[] { Json.Text(o, "title", "mensagem", "message"), Json.Text(o, "detail", "error_description") }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));
        return (code, text.Length == 0 ? null : text, violations);
    }
}
