using System.Globalization;
using System.Text;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// One in-memory menu of the <see cref="RouterOsEmulator"/> (for example <c>/ip/firewall/address-list</c>). Rows are
/// property maps with a RouterOS-style <c>.id</c> (<c>*1</c>, <c>*2</c>, ...). Tests seed and inspect rows here; the
/// API commands change the same rows. All members are thread-safe.
/// </summary>
/// <remarks>
/// Like a real router, the emulator stores <b>bytes</b>, not text: a value written by a UTF-8 client and the same text
/// typed in Winbox on a Windows-1252 machine are different values, and an API query matches bytes exactly. Seed with
/// <see cref="Add(IReadOnlyDictionary{string, string}, Encoding)"/> to choose the bytes; <see cref="Rows"/> and
/// <see cref="FindAll"/> decode values as UTF-8 when valid, else as Windows-1252 (Latin-1 range).
/// Equality lookups on the indexed properties (name, address, list, target) use hash indexes, so a print with
/// <c>?name=</c> does not scan the table; the table holds 100 000 rows comfortably.
/// </remarks>
public sealed class RouterOsEmulatorTable
{
    private readonly object _sync;
    private readonly Func<Encoding> _seedEncoding;
    private readonly SortedDictionary<int, Dictionary<string, string>> _rows = [];
    private readonly Dictionary<string, Dictionary<string, string>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _byUniqueKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<int>>> _indexes = new(StringComparer.Ordinal);
    private readonly string[] _uniqueKey;
    private readonly IReadOnlyDictionary<string, string> _defaults;
    private int _nextId;

    internal RouterOsEmulatorTable(object sync, Func<Encoding> seedEncoding, string path, string[] uniqueKey, string duplicateMessage,
        string[] required, IReadOnlyDictionary<string, string> defaults, bool allowAdd, string[] indexed)
    {
        _sync = sync;
        _seedEncoding = seedEncoding;
        Path = path;
        _uniqueKey = uniqueKey;
        DuplicateMessage = duplicateMessage;
        Required = required;
        _defaults = defaults;
        AllowAdd = allowAdd;
        foreach (var p in indexed) _indexes[p] = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
    }

    /// <summary>The menu path, e.g. <c>/ppp/secret</c>.</summary>
    public string Path { get; }

    internal string DuplicateMessage { get; }

    internal string[] Required { get; }

    internal bool AllowAdd { get; }

    internal bool HasNameKey => _uniqueKey is ["name"];

    /// <summary>Number of rows.</summary>
    public int Count
    {
        get
        {
            lock (_sync) return _rows.Count;
        }
    }

    /// <summary>A snapshot copy of every row (values decoded to text), in insertion order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows
    {
        get
        {
            lock (_sync) return _rows.Values.Select(Decoded).ToList();
        }
    }

    /// <summary>
    /// Rows whose <paramref name="property"/> equals <paramref name="value"/> once decoded (so a value stored as UTF-8 or
    /// as Windows-1252 bytes is found either way). Snapshot copies, values decoded to text.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FindAll(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(value);
        lock (_sync)
        {
            IEnumerable<Dictionary<string, string>> candidates;
            if (_indexes.TryGetValue(property, out var index))
            {
                var set = new HashSet<int>();
                foreach (var bytes in ByteForms(value))
                {
                    if (index.TryGetValue(bytes, out var bucket)) set.UnionWith(bucket);
                }
                candidates = set.Order().Select(seq => _rows[seq]);
            }
            else
            {
                candidates = _rows.Values;
            }
            return candidates.Where(r => r.TryGetValue(property, out var v) && EmulatorText.ToText(v) == value).Select(Decoded).ToList();
        }
    }

    /// <summary>The stored bytes of one value (<see langword="null"/> when the row or the property does not exist).</summary>
    /// <param name="id">The row's <c>.id</c>.</param>
    /// <param name="property">The property name.</param>
    public byte[]? GetRawValue(string id, string property)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(property);
        lock (_sync)
        {
            return _byId.TryGetValue(id, out var row) && row.TryGetValue(property, out var v) ? EmulatorText.ToBytes(v) : null;
        }
    }

    /// <summary>
    /// Seeds a row (defaults filled in) and returns its <c>.id</c>. Text is stored as UTF-8 bytes (as Windows-1252 when
    /// <see cref="RouterOsEmulatorOptions.Windows1252Replies"/> is set).
    /// Throws <see cref="InvalidOperationException"/> when the row duplicates an existing one, like the router would.
    /// </summary>
    public string Add(IReadOnlyDictionary<string, string> properties) => Add(properties, _seedEncoding());

    /// <summary>
    /// Seeds a row whose values are stored as the bytes of <paramref name="encoding"/> (e.g. <see cref="Encoding.Latin1"/>
    /// for what Winbox writes on a Portuguese Windows machine) and returns its <c>.id</c>.
    /// </summary>
    public string Add(IReadOnlyDictionary<string, string> properties, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(encoding);
        var stored = properties.ToDictionary(kv => kv.Key, kv => EmulatorText.FromBytes(encoding.GetBytes(kv.Value)), StringComparer.Ordinal);
        lock (_sync)
        {
            if (TryAddLocked(stored, out var id, out var error)) return id;
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>Removes every row.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _rows.Clear();
            _byId.Clear();
            _byUniqueKey.Clear();
            foreach (var index in _indexes.Values) index.Clear();
        }
    }

    internal IEnumerable<Dictionary<string, string>> RowsLocked => _rows.Values;

    /// <summary>
    /// The rows a query can match, from the indexes when every query word is an equality on an indexed property combined
    /// with <c>&amp;</c>/<c>|</c> (the result is then a superset of the matches, in insertion order); else every row.
    /// </summary>
    internal IEnumerable<Dictionary<string, string>> CandidatesLocked(IReadOnlyList<string> queries)
    {
        if (queries.Count == 0) return _rows.Values;
        // Evaluate the query stack over row sets; null = "every row" (the stack starts as infinitely many true).
        var stack = new List<HashSet<int>?>();
        foreach (var q in queries)
        {
            var body = q[1..];
            if (body.StartsWith('#'))
            {
                foreach (var op in body[1..])
                {
                    switch (op)
                    {
                        case '&': stack.Add(Intersect(Pop(stack), Pop(stack))); break;
                        case '|': stack.Add(Union(Pop(stack), Pop(stack))); break;
                        case '.': { var a = Pop(stack); stack.Add(a); stack.Add(a); break; }
                        default: return _rows.Values; // negation and copies: scan
                    }
                }
                continue;
            }
            if (body.StartsWith('=')) body = body[1..];
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || body[0] is '-' or '<' or '>' || !_indexes.TryGetValue(body[..eq], out var index)) return _rows.Values;
            stack.Add(index.TryGetValue(body[(eq + 1)..], out var bucket) ? bucket : []);
        }
        HashSet<int>? result = null;
        foreach (var set in stack) result = Intersect(result, set);
        return result is null ? _rows.Values : result.Order().Select(seq => _rows[seq]);

        static HashSet<int>? Pop(List<HashSet<int>?> s)
        {
            if (s.Count == 0) return null;
            var v = s[^1];
            s.RemoveAt(s.Count - 1);
            return v;
        }

        static HashSet<int>? Intersect(HashSet<int>? a, HashSet<int>? b)
        {
            if (a is null) return b;
            if (b is null) return a;
            var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
            var r = new HashSet<int>();
            foreach (var x in small)
            {
                if (large.Contains(x)) r.Add(x);
            }
            return r;
        }

        static HashSet<int>? Union(HashSet<int>? a, HashSet<int>? b)
        {
            if (a is null || b is null) return null;
            var r = new HashSet<int>(a);
            r.UnionWith(b);
            return r;
        }
    }

    /// <summary>Adds a row whose values are already stored bytes (one char per byte).</summary>
    internal bool TryAddLocked(IReadOnlyDictionary<string, string> properties, out string id, out string error)
    {
        id = string.Empty;
        var row = new Dictionary<string, string>(_defaults, StringComparer.Ordinal);
        foreach (var (k, v) in properties) row[k] = RouterOsEmulator.Normalize(k, v);
        foreach (var r in Required)
        {
            if (!row.TryGetValue(r, out var value) || value.Length == 0)
            {
                error = $"failure: {r} must be specified";
                return false;
            }
        }
        if (IsDuplicateLocked(row, null))
        {
            error = DuplicateMessage;
            return false;
        }
        var seq = ++_nextId;
        id = "*" + seq.ToString("X", CultureInfo.InvariantCulture);
        row[".id"] = id;
        _rows.Add(seq, row);
        _byId[id] = row;
        if (UniqueKeyOf(row) is { } key) _byUniqueKey[key] = row;
        Index(row, true);
        error = string.Empty;
        return true;
    }

    internal bool IsDuplicateLocked(Dictionary<string, string> candidate, Dictionary<string, string>? self) =>
        UniqueKeyOf(candidate) is { } key && _byUniqueKey.TryGetValue(key, out var existing) && !ReferenceEquals(existing, self);

    /// <summary>Applies <paramref name="changes"/> to <paramref name="row"/>, keeping the indexes right.</summary>
    internal void UpdateLocked(Dictionary<string, string> row, Dictionary<string, string> changes)
    {
        if (UniqueKeyOf(row) is { } oldKey) _byUniqueKey.Remove(oldKey);
        Index(row, false);
        foreach (var (k, v) in changes) row[k] = v;
        if (UniqueKeyOf(row) is { } newKey) _byUniqueKey[newKey] = row;
        Index(row, true);
    }

    internal void RemoveLocked(IReadOnlyCollection<Dictionary<string, string>> rows)
    {
        foreach (var row in rows)
        {
            if (!_byId.Remove(row[".id"])) continue;
            _rows.Remove(SequenceOf(row));
            if (UniqueKeyOf(row) is { } key) _byUniqueKey.Remove(key);
            Index(row, false);
        }
    }

    private void Index(Dictionary<string, string> row, bool add)
    {
        foreach (var (property, index) in _indexes)
        {
            if (!row.TryGetValue(property, out var value)) continue;
            var seq = SequenceOf(row);
            if (add)
            {
                if (!index.TryGetValue(value, out var bucket)) index[value] = bucket = [];
                bucket.Add(seq);
            }
            else if (index.TryGetValue(value, out var bucket))
            {
                bucket.Remove(seq);
                if (bucket.Count == 0) index.Remove(value);
            }
        }
    }

    private static int SequenceOf(Dictionary<string, string> row) => int.Parse(row[".id"].AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string> Decoded(Dictionary<string, string> row) =>
        row.ToDictionary(kv => kv.Key, kv => EmulatorText.ToText(kv.Value), StringComparer.Ordinal);

    /// <summary>The stored forms a text value can have: its UTF-8 bytes and, when representable, its Windows-1252 bytes.</summary>
    private static IEnumerable<string> ByteForms(string text)
    {
        var utf8 = EmulatorText.FromBytes(Encoding.UTF8.GetBytes(text));
        yield return utf8;
        if (text.All(c => c <= '\u00FF') && text != utf8) yield return text;
    }

    private string? UniqueKeyOf(Dictionary<string, string> row) => _uniqueKey switch
    {
        [] => null,
        [var only] => row.GetValueOrDefault(only) ?? string.Empty,
        [var a, var b] => string.Concat(row.GetValueOrDefault(a) ?? string.Empty, "\u0001", row.GetValueOrDefault(b) ?? string.Empty),
        _ => string.Join('\u0001', _uniqueKey.Select(k => row.GetValueOrDefault(k) ?? string.Empty)),
    };

    /// <summary>Finds a row by <c>.id</c> or, for named menus, by name.</summary>
    internal Dictionary<string, string>? FindLocked(string idOrName) =>
        _byId.TryGetValue(idOrName, out var row) ? row
        : HasNameKey && _byUniqueKey.TryGetValue(idOrName, out var named) ? named
        : null;
}
