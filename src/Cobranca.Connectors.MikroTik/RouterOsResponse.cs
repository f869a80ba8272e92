namespace Cobranca.Connectors.MikroTik;

/// <summary>The successful answer to one command: the <c>!re</c> rows and the attributes of the final <c>!done</c>.</summary>
public sealed class RouterOsResponse
{
    internal RouterOsResponse(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, IReadOnlyDictionary<string, string> done, bool empty)
    {
        Rows = rows;
        Done = done;
        WasEmpty = empty;
    }

    /// <summary>Data rows (one per <c>!re</c>), property name to value. A repeated key keeps its last value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Attributes carried by <c>!done</c> (e.g. <c>ret</c>).</summary>
    public IReadOnlyDictionary<string, string> Done { get; }

    /// <summary>The <c>=ret=</c> of <c>!done</c>: the new item id after <c>add</c>, <see langword="null"/> if absent.</summary>
    public string? Ret => Done.TryGetValue("ret", out var r) ? r : null;

    /// <summary>True when the router answered <c>!empty</c> (RouterOS 7.18+ for a print with no rows).</summary>
    public bool WasEmpty { get; }
}
