using Cobranca.Connectors.Testing;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>
/// The PostgreSQL the tests use: the one CI started (connection string in <c>COBRANCA_TEST_POSTGRES</c>, see .ci/run),
/// or else a <see cref="TemporaryPostgreSqlServer"/> started here. Never skipped: without PostgreSQL the tests fail and
/// say why.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string EnvironmentVariable = "COBRANCA_TEST_POSTGRES";
    private readonly TemporaryPostgreSqlServer? _server;

    public PostgresServer()
    {
        var fromCi = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromCi))
        {
            ConnectionString = fromCi;
            return;
        }
        try
        {
            _server = TemporaryPostgreSqlServer.Start();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"These tests need PostgreSQL: set {EnvironmentVariable} to a connection string, or install it. {ex.Message}", ex);
        }
        ConnectionString = _server.ConnectionString;
    }

    public string ConnectionString { get; }

    public void Dispose() => _server?.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
