using Cobranca.Connectors.Storage.PostgreSql;
using Cobranca.Connectors.Storage.Sqlite;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Benchmarks;

/// <summary>Creates the stores the storage benchmarks compare: memory, SQLite in a temp directory, PostgreSQL from
/// <c>COBRANCA_BENCH_POSTGRES</c> or a <see cref="TemporaryPostgreSqlServer"/>.</summary>
internal sealed class BenchStores : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cobranca-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private TemporaryPostgreSqlServer? _postgres;
    private PostgreSqlLedgerStore? _pgStore;

    public BenchStores() => Directory.CreateDirectory(_dir);

    public ILedgerStore Create(string kind) => kind switch
    {
        "memory" => new InMemoryLedgerStore(),
        "sqlite" => new SqliteLedgerStore(new SqliteLedgerStoreOptions { Path = Path.Combine(_dir, "cobranca.db") }),
        "postgresql" => _pgStore ??= new PostgreSqlLedgerStore(new PostgreSqlLedgerStoreOptions { ConnectionString = PostgresConnection() }),
        _ => throw new ArgumentException("memory, sqlite or postgresql", nameof(kind)),
    };

    private string PostgresConnection()
    {
        var fromEnv = Environment.GetEnvironmentVariable("COBRANCA_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        _postgres ??= TemporaryPostgreSqlServer.Start();
        return _postgres.ConnectionString;
    }

    public void Dispose()
    {
        _pgStore?.Dispose();
        _postgres?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
