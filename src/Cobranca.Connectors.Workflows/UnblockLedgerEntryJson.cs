using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cobranca.Connectors.Workflows;

/// <summary>The JSON form of an <see cref="UnblockLedgerEntry"/>, for stores that keep the entry as one document
/// (the SQLite and PostgreSQL stores do; so can yours). Stable: fields are only ever added.</summary>
public static class UnblockLedgerEntryJson
{
    /// <summary>Writes an entry as JSON.</summary>
    /// <param name="entry">The entry.</param>
    public static string Serialize(UnblockLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JsonSerializer.Serialize(entry, UnblockLedgerJsonContext.Default.UnblockLedgerEntry);
    }

    /// <summary>Reads an entry written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="JsonException">Not an entry.</exception>
    public static UnblockLedgerEntry Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, UnblockLedgerJsonContext.Default.UnblockLedgerEntry)
            ?? throw new JsonException("The stored unblock ledger entry is null.");
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UnblockLedgerEntry))]
internal sealed partial class UnblockLedgerJsonContext : JsonSerializerContext;
