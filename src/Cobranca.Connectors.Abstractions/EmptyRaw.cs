using System.Collections.ObjectModel;

namespace Cobranca.Connectors.Abstractions;

internal static class EmptyRaw
{
    public static readonly IReadOnlyDictionary<string, string?> Instance =
        new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>());
}
