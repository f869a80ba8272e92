namespace Cobranca.Connectors.Storage.PostgreSql;

/// <summary>Settings of a <see cref="PostgreSqlLedgerStore"/>. Bindable.</summary>
public sealed class PostgreSqlLedgerStoreOptions
{
    /// <summary>The configuration section the hosting layer binds: <c>Cobranca:Storage:PostgreSql</c>.</summary>
    public const string ConfigurationSectionPrefix = "Cobranca:Storage:PostgreSql";

    /// <summary>The Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). Required. Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Every problem with these settings (empty when valid; never quotes the connection string).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString is required.");
        }
        else
        {
            try
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host)) problems.Add("ConnectionString has no Host.");
            }
            catch (ArgumentException)
            {
                problems.Add("ConnectionString is not a valid Npgsql connection string.");
            }
        }
        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => "postgresql (connection string hidden)";
}
