namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// The field layout shared by the rows of one listing page: the property names in wire order (secret-like ones
/// included, so the next row can be matched against them), the kept keys, and where each property's value goes.
/// Rows of a page almost always share one shape, so the key strings and the key index exist once per page, not per row.
/// </summary>
internal sealed class IxcRowShape
{
    /// <summary>The property names in the order the row sent them, secret-like ones included.</summary>
    public string[] Names { get; }

    /// <summary><see cref="Names"/> in UTF-8, to match the next row's property names without decoding them.</summary>
    public byte[][] Utf8Names { get; }

    /// <summary>The kept keys (secret-like fields removed, duplicates once at their first position).</summary>
    public string[] Keys { get; }

    /// <summary>For each entry of <see cref="Names"/>, its slot in <see cref="Keys"/>, or -1 when dropped.</summary>
    public int[] Slots { get; }

    private readonly Dictionary<string, int> _index;

    public IxcRowShape(string[] names)
    {
        Names = names;
        Utf8Names = Array.ConvertAll(names, System.Text.Encoding.UTF8.GetBytes);
        Slots = new int[names.Length];
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        var keys = new List<string>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            if (IxcRow.IsSecretField(names[i]))
            {
                Slots[i] = -1; // cleartext passwords never enter the SDK's models
                continue;
            }
            if (!_index.TryGetValue(names[i], out var slot))
            {
                slot = keys.Count;
                keys.Add(names[i]);
                _index.Add(names[i], slot);
            }
            Slots[i] = slot; // a repeated property overwrites the earlier value, like a dictionary would
        }
        Keys = [.. keys];
    }

    /// <summary>Builds the fields of a row from its values in wire order (one per entry of <see cref="Names"/>).</summary>
    public IxcFields Fill(IReadOnlyList<string?> wireValues)
    {
        var values = new string?[Keys.Length];
        for (var i = 0; i < Slots.Length; i++)
        {
            if (Slots[i] >= 0) values[Slots[i]] = wireValues[i];
        }
        return new IxcFields(this, values);
    }

    /// <summary>The slot of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key) => _index.TryGetValue(key, out var slot) ? slot : -1;
}
