namespace Cobranca.Connectors.Hosting;

/// <summary>The values of <see cref="CobrancaOptions.Store"/>.</summary>
internal enum CobrancaStoreKindValue
{
    Sqlite,
    PostgreSql,
    Memory,
}

internal static class CobrancaStoreKind
{
    public static CobrancaStoreKindValue? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => CobrancaStoreKindValue.Sqlite,
        "postgres" or "postgresql" or "pg" => CobrancaStoreKindValue.PostgreSql,
        "memory" or "inmemory" or "in-memory" => CobrancaStoreKindValue.Memory,
        _ => null,
    };
}
