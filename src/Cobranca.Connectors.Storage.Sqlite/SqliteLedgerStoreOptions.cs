namespace Cobranca.Connectors.Storage.Sqlite;

/// <summary>Settings of a <see cref="SqliteLedgerStore"/>. Bindable; every property has a working default.</summary>
public sealed class SqliteLedgerStoreOptions
{
    /// <summary>The configuration section the hosting layer binds: <c>Cobranca:Storage:Sqlite</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:Storage:Sqlite";

    /// <summary>The database file. Default <c>cobranca.db</c> (relative to the working directory). Ignored when
    /// <see cref="ConnectionString"/> is set.</summary>
    public string Path { get; set; } = "cobranca.db";

    /// <summary>A full Microsoft.Data.Sqlite connection string, for anything <see cref="Path"/> does not cover. Optional.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a statement waits for another process's write lock before failing. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// False (default): WAL with <c>synchronous = NORMAL</c>: a committed write survives the process being killed, but a
    /// power loss or OS crash can lose the last commits (then an action may be redone: re-sent with the same idempotency
    /// key). True: <c>synchronous = FULL</c>, every commit waits for the disk (several times slower per write).
    /// </summary>
    public bool FullSync { get; set; }

    /// <summary>Every problem with these settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(Path))
            problems.Add("Set Path (the database file) or ConnectionString.");
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            try
            {
                _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            }
            catch (ArgumentException)
            {
                problems.Add("ConnectionString is not a valid SQLite connection string.");
            }
        }
        if (BusyTimeout < TimeSpan.FromSeconds(1) || BusyTimeout > TimeSpan.FromMinutes(10))
            problems.Add("BusyTimeout must be between 1 second and 10 minutes.");
        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrWhiteSpace(ConnectionString) ? $"sqlite {Path}" : "sqlite (connection string)";
}
