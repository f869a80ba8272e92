using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// A row's fields as a compact read-only dictionary: the keys and their index live in a <see cref="IxcRowShape"/> shared by
/// every row of a page, each row holds only its values. Enumerates in wire order. Secret-like fields are not in it.
/// </summary>
internal sealed class IxcFields : IReadOnlyDictionary<string, string?>
{
    private readonly IxcRowShape _shape;
    private readonly string?[] _values;

    public IxcFields(IxcRowShape shape, string?[] values)
    {
        if (values.Length != shape.Keys.Length) throw new ArgumentException("One value per key is required.", nameof(values));
        _shape = shape;
        _values = values;
    }

    public int Count => _values.Length;

    public IEnumerable<string> Keys => _shape.Keys;

    public IEnumerable<string?> Values => _values;

    public string? this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The field '{key}' is not in this IXC row.");

    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _shape.IndexOf(key) >= 0;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = _shape.IndexOf(key);
        if (slot < 0)
        {
            value = null;
            return false;
        }
        value = _values[slot];
        return true;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        var keys = _shape.Keys;
        for (var i = 0; i < keys.Length; i++) yield return new KeyValuePair<string, string?>(keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
