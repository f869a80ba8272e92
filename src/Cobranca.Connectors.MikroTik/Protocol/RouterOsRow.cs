namespace Cobranca.Connectors.MikroTik.Protocol;

/// <summary>
/// One reply row (property to value). Remembers which values arrived as Windows-1252 bytes, so a value the SDK writes
/// back (a comment it prefixes, then restores) keeps the router's original bytes exactly.
/// </summary>
internal sealed class RouterOsRow : Dictionary<string, string>
{
    private HashSet<string>? _windows1252;

    public RouterOsRow(int capacity) : base(capacity, StringComparer.Ordinal)
    {
    }

    public void MarkWindows1252(string key) => (_windows1252 ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);

    /// <summary>True when the value of <paramref name="key"/> was not valid UTF-8 and was decoded as Windows-1252.</summary>
    public static bool IsWindows1252(IReadOnlyDictionary<string, string> row, string key) =>
        row is RouterOsRow { _windows1252: { } set } && set.Contains(key);
}
