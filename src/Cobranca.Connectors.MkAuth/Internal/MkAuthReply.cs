using System.Text.Json;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth.Internal;

internal enum MkAuthReplyKind
{
    Json,
    NotFound,
    PastLastPage,
}

/// <summary>
/// A parsed MK-Auth reply. MK-Auth answers HTTP 200 for almost everything, so the shape decides: <c>false</c>,
/// <c>NULL</c> and <c>{"mensagem":"Registro não encontrado"}</c> (any encoding) are "not found"; the paging message is
/// "past the last page"; <c>{"status":"erro"}</c>, <c>{"error":…}</c>, HTML/PHP pages and garbage are errors; one junk
/// character after the JSON is tolerated.
/// </summary>
internal sealed class MkAuthReply : IDisposable
{
    private readonly JsonDocument? _document;

    private MkAuthReply(MkAuthReplyKind kind, JsonDocument? document, string? message)
    {
        Kind = kind;
        _document = document;
        Message = message;
    }

    public MkAuthReplyKind Kind { get; }

    public string? Message { get; }

    public JsonElement Root => _document?.RootElement ?? default;

    public bool IsNotFound => Kind == MkAuthReplyKind.NotFound;

    public void Dispose() => _document?.Dispose();

    public static MkAuthReply Parse(string operation, string body)
    {
        var text = body.Trim().Trim('\0').Trim();
        if (text.Length == 0)
            throw Error(operation, "MK-Auth answered an empty body where JSON was expected.", body);
        if (text is "false" or "NULL" or "null" or "\"NULL\"" or "[]")
            return new MkAuthReply(MkAuthReplyKind.NotFound, null, null);
        if (text[0] is not ('{' or '['))
        {
            var what = text[0] == '<' ? "an HTML/PHP page (a panel or PHP error)" : "text that is not JSON";
            throw Error(operation, $"MK-Auth answered HTTP 200 with {what} instead of JSON.", body);
        }

        var document = TryParse(text) ?? TryParse(text[..^1]) // a trailing junk character after the JSON
            ?? throw Error(operation, "MK-Auth answered malformed JSON.", body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            var status = StringOf(root, "status");
            var message = StringOf(root, "mensagem") is { } m ? MkAuthText.Repair(m) : null;
            var error = StringOf(root, "error") ?? StringOf(root, "erro");
            var isError = string.Equals(status, "erro", StringComparison.OrdinalIgnoreCase) || error is not null;
            var messageOnly = message is not null && status is null && !HasData(root);
            if (isError || messageOnly)
            {
                var said = message ?? error;
                if (MkAuthText.IsNotFoundMessage(said) || MkAuthText.IsPastLastPageMessage(said))
                {
                    document.Dispose();
                    return new MkAuthReply(MkAuthText.IsNotFoundMessage(said) ? MkAuthReplyKind.NotFound : MkAuthReplyKind.PastLastPage, null, said);
                }
                if (isError)
                {
                    document.Dispose();
                    throw Error(operation, $"MK-Auth refused: {said ?? "status erro"}", body);
                }
            }
        }
        return new MkAuthReply(MkAuthReplyKind.Json, document, null);
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasData(JsonElement root)
    {
        foreach (var p in root.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object) return true;
            if (p.Name is not ("mensagem" or "status")) return true;
        }
        return false;
    }

    public static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    public static ConnectorApiException Error(string operation, string message, string body) =>
        new(MkAuthClient.ProviderName, operation, $"mkauth {operation}: {message}", 200, rawBody: body);

    /// <summary>The rows of a reply: a bare object, <c>{"dados":[…]}</c>, <c>{"titulos"|"clientes":[…]}</c> or a bare array.</summary>
    public List<Dictionary<string, string?>> Rows(params string[] arrayKeys)
    {
        var rows = new List<Dictionary<string, string?>>();
        if (Kind != MkAuthReplyKind.Json) return rows;
        var root = Root;
        if (root.ValueKind == JsonValueKind.Array)
        {
            Add(rows, root);
            return rows;
        }
        if (root.ValueKind != JsonValueKind.Object) return rows;
        foreach (var key in arrayKeys.Append("dados"))
        {
            if (root.TryGetProperty(key, out var list))
            {
                if (list.ValueKind == JsonValueKind.Array) Add(rows, list);
                else if (list.ValueKind == JsonValueKind.Object) rows.Add(MkAuthRow.Read(list));
                return rows;
            }
        }
        rows.Add(MkAuthRow.Read(root)); // a bare row
        return rows;
    }

    private static void Add(List<Dictionary<string, string?>> rows, JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) rows.Add(MkAuthRow.Read(item));
        }
    }

    /// <summary>An integer member of the paging envelope (<c>total_paginas</c> ...), when present.</summary>
    public int? Int(string name) =>
        Kind == MkAuthReplyKind.Json && int.TryParse(StringOf(Root, name), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
