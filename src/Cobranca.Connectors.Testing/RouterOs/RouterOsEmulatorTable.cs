using System.Globalization;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// One in-memory menu of the <see cref="RouterOsEmulator"/> (for example <c>/ip/firewall/address-list</c>). Rows are
/// property maps with a RouterOS-style <c>.id</c> (<c>*1</c>, <c>*2</c>, ...). Tests seed and inspect rows here; the
/// API commands change the same rows. All members are thread-safe.
/// </summary>
public sealed class RouterOsEmulatorTable
{
    private readonly object _sync;
    private readonly List<Dictionary<string, string>> _rows = [];
    private readonly Dictionary<string, Dictionary<string, string>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _byUniqueKey = new(StringComparer.Ordinal);
    private readonly string[] _uniqueKey;
    private readonly IReadOnlyDictionary<string, string> _defaults;
    private int _nextId;

    internal RouterOsEmulatorTable(object sync, string path, string[] uniqueKey, string duplicateMessage, string[] required,
        IReadOnlyDictionary<string, string> defaults, bool allowAdd)
    {
        _sync = sync;
        Path = path;
        _uniqueKey = uniqueKey;
        DuplicateMessage = duplicateMessage;
        Required = required;
        _defaults = defaults;
        AllowAdd = allowAdd;
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

    /// <summary>A snapshot copy of every row, in insertion order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows
    {
        get
        {
            lock (_sync) return _rows.Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(r)).ToList();
        }
    }

    /// <summary>Rows whose <paramref name="property"/> equals <paramref name="value"/> (snapshot copies).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FindAll(string property, string value)
    {
        lock (_sync)
        {
            return _rows.Where(r => r.TryGetValue(property, out var v) && v == value)
                .Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(r)).ToList();
        }
    }

    /// <summary>
    /// Seeds a row (defaults filled in) and returns its <c>.id</c>.
    /// Throws <see cref="InvalidOperationException"/> when the row duplicates an existing one, like the router would.
    /// </summary>
    public string Add(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_sync)
        {
            if (TryAddLocked(properties, out var id, out var error)) return id;
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
        }
    }

    internal IReadOnlyList<Dictionary<string, string>> RowsLocked => _rows;

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
        id = "*" + (++_nextId).ToString("X", CultureInfo.InvariantCulture);
        row[".id"] = id;
        _rows.Add(row);
        _byId[id] = row;
        if (UniqueKeyOf(row) is { } key) _byUniqueKey[key] = row;
        error = string.Empty;
        return true;
    }

    internal bool IsDuplicateLocked(Dictionary<string, string> candidate, Dictionary<string, string>? self) =>
        UniqueKeyOf(candidate) is { } key && _byUniqueKey.TryGetValue(key, out var existing) && !ReferenceEquals(existing, self);

    /// <summary>Applies <paramref name="changes"/> to <paramref name="row"/>, keeping the unique index right.</summary>
    internal void UpdateLocked(Dictionary<string, string> row, Dictionary<string, string> changes)
    {
        if (UniqueKeyOf(row) is { } oldKey) _byUniqueKey.Remove(oldKey);
        foreach (var (k, v) in changes) row[k] = v;
        if (UniqueKeyOf(row) is { } newKey) _byUniqueKey[newKey] = row;
    }

    internal void RemoveLocked(IReadOnlyCollection<Dictionary<string, string>> rows)
    {
        var set = rows.ToHashSet(ReferenceEqualityComparer.Instance);
        _rows.RemoveAll(set.Contains);
        foreach (var row in rows)
        {
            _byId.Remove(row[".id"]);
            if (UniqueKeyOf(row) is { } key) _byUniqueKey.Remove(key);
        }
    }

    private string? UniqueKeyOf(Dictionary<string, string> row) =>
        _uniqueKey.Length == 0 ? null : string.Join('\u0001', _uniqueKey.Select(k => row.GetValueOrDefault(k) ?? string.Empty));

    /// <summary>Finds a row by <c>.id</c> or, for named menus, by name.</summary>
    internal Dictionary<string, string>? FindLocked(string idOrName) =>
        _byId.TryGetValue(idOrName, out var row) ? row
        : HasNameKey && _byUniqueKey.TryGetValue(idOrName, out var named) ? named
        : null;
}
