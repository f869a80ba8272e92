using System.Buffers;
using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// One RouterOS API command: the command word (<c>/ip/firewall/address-list/print</c>), attribute words
/// (<c>=name=value</c>), query words (<c>?name=value</c>, evaluated in order) and an optional <c>.proplist</c>.
/// The client adds the <c>.tag</c> itself.
/// </summary>
public sealed class RouterOsCommand
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private readonly List<string> _queries = [];
    private List<int>? _windows1252Attributes;
    private List<int>? _windows1252Queries;

    /// <summary>Creates a command for <paramref name="path"/>, e.g. <c>/ppp/active/remove</c>.</summary>
    public RouterOsCommand(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/' || path.Contains(' ', StringComparison.Ordinal))
            throw new ArgumentException("A RouterOS command starts with '/' and uses '/' instead of spaces, e.g. /ip/firewall/address-list/print.", nameof(path));
        Path = path;
    }

    /// <summary>The command word.</summary>
    public string Path { get; }

    /// <summary>Attribute words in the order added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    /// <summary>Query words in the order added (order matters to the router).</summary>
    public IReadOnlyList<string> Queries => _queries;

    /// <summary>Adds <c>=name=value</c>. The value may be empty and may contain '='.</summary>
    public RouterOsCommand With(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        _attributes.Add(new(name, value));
        return this;
    }

    /// <summary>Adds the query word <c>?name=value</c> (equality).</summary>
    public RouterOsCommand Where(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        _queries.Add($"?{name}={value}");
        return this;
    }

    /// <summary>
    /// Adds a raw query word: <c>?name</c> (has value), <c>?-name</c> (has no value), <c>?&lt;name=x</c>,
    /// <c>?&gt;name=x</c> or a stack operation such as <c>?#|</c> or <c>?#!</c>.
    /// </summary>
    public RouterOsCommand Query(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        if (word[0] != '?' || word.Length < 2) throw new ArgumentException("A query word starts with '?'.", nameof(word));
        _queries.Add(word);
        return this;
    }

    /// <summary>Limits the returned properties (<c>=.proplist=a,b,c</c>); strongly recommended on every print.</summary>
    public RouterOsCommand Proplist(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0) throw new ArgumentException("At least one property name is needed.", nameof(names));
        foreach (var n in names) ValidateName(n);
        return With(".proplist", string.Join(',', names));
    }

    /// <summary>
    /// Adds <c>=name=value</c> with the value written as Windows-1252 bytes (to write back, byte for byte, a value the
    /// router stored in that code page).
    /// </summary>
    internal RouterOsCommand WithWindows1252(string name, string value)
    {
        With(name, value);
        (_windows1252Attributes ??= []).Add(_attributes.Count - 1);
        return this;
    }

    /// <summary>
    /// Adds an equality query that matches <paramref name="value"/> stored either as UTF-8 or as Windows-1252 bytes
    /// (RouterOS stores bytes; Winbox writes the Windows code page): <c>?name=v(utf-8) ?name=v(1252) ?#|</c>.
    /// ASCII values (same bytes in both) get the single word.
    /// </summary>
    internal RouterOsCommand WhereAnyEncoding(string name, string value)
    {
        Where(name, value);
        if (RouterOsText.IsAscii(value) || !RouterOsText.IsWindows1252(value)) return this;
        Where(name, value);
        (_windows1252Queries ??= []).Add(_queries.Count - 1);
        return Query("?#|");
    }

    /// <summary>Writes the whole sentence (command word, attributes, queries, <c>.tag</c>, terminator) to <paramref name="writer"/>.</summary>
    internal void WriteTo(IBufferWriter<byte> writer, long? tag)
    {
        SentenceWriter.WriteWord(writer, Path, [], [], [], false);
        for (var i = 0; i < _attributes.Count; i++)
        {
            var (key, value) = _attributes[i];
            SentenceWriter.WriteWord(writer, "=", key, "=", value, _windows1252Attributes?.Contains(i) == true);
        }
        for (var i = 0; i < _queries.Count; i++)
        {
            var q = _queries[i];
            if (_windows1252Queries?.Contains(i) == true)
            {
                var eq = q.IndexOf('=', 1);
                SentenceWriter.WriteWord(writer, q.AsSpan(0, eq + 1), [], [], q.AsSpan(eq + 1), true);
            }
            else
            {
                SentenceWriter.WriteWord(writer, q, [], [], [], false);
            }
        }
        if (tag is { } t)
        {
            Span<char> digits = stackalloc char[20];
            t.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
            SentenceWriter.WriteWord(writer, ".tag=", digits[..n], [], [], false);
        }
        SentenceWriter.WriteEnd(writer);
    }

    /// <summary>The command word and attribute names (values left out, they may be secrets).</summary>
    public override string ToString() =>
        _attributes.Count == 0 ? Path : $"{Path} {string.Join(' ', _attributes.Select(a => "=" + a.Key + "="))}";

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains(',', StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is not a valid RouterOS property name.", nameof(name));
    }
}
