using System.Globalization;
using System.Text.Json;

namespace Cobranca.Connectors.Testing.Ixc;

/// <summary>Evaluates the IXC listing protocol (<c>qtype/query/oper</c>, <c>grid_param</c>, sort, <c>page/rp</c>) over string rows.</summary>
internal static class IxcSandboxListing
{
    /// <summary>A parsed listing request, or the error IXC would answer.</summary>
    public sealed record Request(string QType, string Query, string Oper, int Page, int Rp, string? SortName, bool Descending, IReadOnlyList<(string Field, string Op, string P, string? P2)> Grid)
    {
        /// <summary>Identifies the result set whatever the page: table, filters and sort.</summary>
        public string CacheKey(string table) =>
            string.Join('\u001f', [table, QType, Query, Oper, SortName ?? "", Descending ? "d" : "a",
                .. Grid.Select(g => $"{g.Field}\u001e{g.Op}\u001e{g.P}\u001e{g.P2}")]);
    }

    /// <summary>Parses a listing body. Returns null with <paramref name="status500"/> true when IXC would answer HTTP 500 (fields not in <c>tabela.campo</c> form).</summary>
    public static Request? Parse(string table, string body, out bool status500)
    {
        status500 = false;
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        var root = doc.RootElement;
        string Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        var qtype = Get("qtype");
        var sort = Get("sortname");
        if (!IsQualified(qtype, table) || (sort.Length > 0 && !IsQualified(sort, table)))
        {
            status500 = true;
            return null;
        }
        var grid = new List<(string, string, string, string?)>();
        var gridText = Get("grid_param");
        if (gridText.Length > 0)
        {
            using var g = JsonDocument.Parse(gridText);
            foreach (var item in g.RootElement.EnumerateArray())
            {
                var tb = item.GetProperty("TB").GetString() ?? "";
                if (!IsQualified(tb, table)) { status500 = true; return null; }
                grid.Add((tb[(table.Length + 1)..], item.GetProperty("OP").GetString() ?? "=", item.GetProperty("P").GetString() ?? "",
                    item.TryGetProperty("P2", out var p2) ? p2.GetString() : null));
            }
        }
        return new Request(qtype[(table.Length + 1)..], Get("query"), Get("oper") is { Length: > 0 } o ? o : "=",
            int.TryParse(Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            int.TryParse(Get("rp"), NumberStyles.None, CultureInfo.InvariantCulture, out var rp) && rp > 0 ? rp : 20,
            sort.Length > 0 ? sort[(table.Length + 1)..] : null,
            Get("sortorder").Equals("desc", StringComparison.OrdinalIgnoreCase), grid);
    }

    private static bool IsQualified(string field, string table) =>
        field.StartsWith(table + ".", StringComparison.Ordinal) && field.Length > table.Length + 1;

    public static bool Matches(Dictionary<string, string> row, string field, string op, string p, string? p2)
    {
        var value = row.TryGetValue(field, out var v) ? v : "";
        return op.ToUpperInvariant() switch
        {
            "=" => value == p,
            "!=" => value != p,
            ">" => Compare(value, p) > 0,
            ">=" => Compare(value, p) >= 0,
            "<" => Compare(value, p) < 0,
            "<=" => Compare(value, p) <= 0,
            "L" => value.Contains(p, StringComparison.OrdinalIgnoreCase),
            "NL" => !value.Contains(p, StringComparison.OrdinalIgnoreCase),
            "IN" => p.Split(',').Select(x => x.Trim()).Contains(value),
            "NI" => !p.Split(',').Select(x => x.Trim()).Contains(value),
            "BE" => Compare(value, p) >= 0 && Compare(value, p2 ?? p) <= 0,
            "NBE" => !(Compare(value, p) >= 0 && Compare(value, p2 ?? p) <= 0),
            _ => false, // IXC silently returns nothing for what it does not understand
        };
    }

    public static int Compare(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);

    /// <summary>A sort key: numeric when the text is a number, ordinal text otherwise (numbers first).</summary>
    private readonly record struct SortKey(bool IsNumber, decimal Number, string Text) : IComparable<SortKey>
    {
        public static SortKey Of(string text) =>
            decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? new(true, n, text) : new(false, 0, text);

        public int CompareTo(SortKey other) => IsNumber && other.IsNumber ? Number.CompareTo(other.Number)
            : IsNumber != other.IsNumber ? (IsNumber ? -1 : 1)
            : string.CompareOrdinal(Text, other.Text);
    }

    /// <summary>
    /// Every row of <paramref name="table"/> matching the request, sorted (the page is cut by the caller). An <c>=</c> or
    /// <c>IN</c> filter on an indexed field (<see cref="IxcSandboxStore.IndexedFields"/>: per customer, per contract) reads
    /// only the matching rows; other filters scan the table once. Filters are compiled once per query (an <c>IN</c> list
    /// becomes a set), not re-parsed per row.
    /// </summary>
    public static List<Dictionary<string, string>> Query(IxcSandboxStore store, string table, Request request)
    {
        var filters = new List<(string Field, string Op, string P, string? P2)>(request.Grid.Count + 1) { (request.QType, request.Oper, request.Query, null) };
        filters.AddRange(request.Grid);
        IEnumerable<Dictionary<string, string>> rows = store.Rows(table);
        foreach (var (field, op, p, _) in filters)
        {
            if (Array.IndexOf(IxcSandboxStore.IndexedFields, field) < 0) continue;
            var upper = op.ToUpperInvariant();
            if (upper == "=") rows = store.RowsWhere(table, field, [p]);
            else if (upper == "IN") rows = store.RowsWhere(table, field, SplitList(p));
            else continue;
            break;
        }
        var predicates = filters.Select(f => Compile(f.Field, f.Op, f.P, f.P2)).ToArray();
        return Sort(rows.Where(r => Array.TrueForAll(predicates, match => match(r))).ToList(), request);
    }

    private static string[] SplitList(string p) => p.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>A filter as a predicate, with its operand parsed once (same semantics as <see cref="Matches"/>).</summary>
    private static Func<Dictionary<string, string>, bool> Compile(string field, string op, string p, string? p2)
    {
        switch (op.ToUpperInvariant())
        {
            case "=": return r => Value(r, field) == p;
            case "!=": return r => Value(r, field) != p;
            case "IN":
            {
                var set = SplitList(p).ToHashSet(StringComparer.Ordinal);
                return r => set.Contains(Value(r, field));
            }
            case "NI":
            {
                var set = SplitList(p).ToHashSet(StringComparer.Ordinal);
                return r => !set.Contains(Value(r, field));
            }
            default: return r => Matches(r, field, op, p, p2);
        }

        static string Value(Dictionary<string, string> row, string name) => row.TryGetValue(name, out var v) ? v : "";
    }

    /// <summary>The matching rows in the request's order (numbers as numbers), id as tie-break.</summary>
    private static List<Dictionary<string, string>> Sort(List<Dictionary<string, string>> filtered, Request request)
    {
        if (request.SortName is { } sort)
        {
            // Keys parsed once per row (numbers sort as numbers, like IXC's MySQL columns), then a stable sort with id as tie-break.
            var keyed = filtered.Select(r => (Row: r, Key: SortKey.Of(r.GetValueOrDefault(sort, "")), Id: SortKey.Of(r.GetValueOrDefault("id", "")))).ToList();
            filtered = (request.Descending ? keyed.OrderByDescending(k => k.Key) : keyed.OrderBy(k => k.Key)).ThenBy(k => k.Id).Select(k => k.Row).ToList();
        }
        return filtered;
    }
}
