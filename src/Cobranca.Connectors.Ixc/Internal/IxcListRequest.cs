using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>The body of an <c>ixcsoft: listar</c> call. Every value is a string, as IXC expects.</summary>
internal sealed class IxcListRequest
{
    [JsonPropertyName("qtype")] public required string QType { get; init; }
    [JsonPropertyName("query")] public required string Query { get; init; }
    [JsonPropertyName("oper")] public required string Oper { get; init; }
    [JsonPropertyName("page")] public required string Page { get; init; }
    [JsonPropertyName("rp")] public required string Rp { get; init; }
    [JsonPropertyName("sortname")] public required string SortName { get; init; }
    [JsonPropertyName("sortorder")] public required string SortOrder { get; init; }

    /// <summary>The extra AND filters: a JSON array <b>serialised as a string</b> inside the body.</summary>
    [JsonPropertyName("grid_param")] public required string GridParam { get; init; }
}

/// <summary>One <c>grid_param</c> item: <c>{TB, OP, P[, P2]}</c>.</summary>
internal sealed record IxcGridFilter(
    [property: JsonPropertyName("TB")] string Field,
    [property: JsonPropertyName("OP")] string Op,
    [property: JsonPropertyName("P")] string Value,
    [property: JsonPropertyName("P2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value2 = null);
