using System.Globalization;
using System.Text.Json;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>A logical listing: <c>qtype/query/oper</c>, AND-ed <c>grid_param</c> filters and the sort.</summary>
internal sealed record IxcListing(string Table, string Field, string Oper, string Value)
{
    public IReadOnlyList<IxcGridFilter> Grid { get; init; } = [];
    public string? SortField { get; init; }
    public bool Descending { get; init; }

    public static IxcListing Where(string table, string field, string oper, string value) => new(table, field, oper, value);

    public IxcListing And(string field, string oper, string value) =>
        this with { Grid = [.. Grid, new IxcGridFilter($"{Table}.{field}", oper, value)] };

    public IxcListing OrderBy(string field, bool descending = false) => this with { SortField = field, Descending = descending };

    public IxcListRequest ToRequest(int page, int pageSize) => new()
    {
        QType = $"{Table}.{Field}",
        Query = Value,
        Oper = Oper,
        Page = page.ToString(CultureInfo.InvariantCulture),
        Rp = pageSize.ToString(CultureInfo.InvariantCulture),
        SortName = $"{Table}.{SortField ?? "id"}",
        SortOrder = Descending ? "desc" : "asc",
        GridParam = Grid.Count == 0 ? "[]" : JsonSerializer.Serialize(Grid, IxcJsonContext.Wire.IReadOnlyListIxcGridFilter),
    };
}
