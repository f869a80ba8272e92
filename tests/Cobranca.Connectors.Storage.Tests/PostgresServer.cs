using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cobranca.Connectors.Storage.Tests;

/// <summary>
/// The PostgreSQL the tests use: the one CI started (connection string in <c>COBRANCA_TEST_POSTGRES</c>), or else a
/// throw-away cluster started here from the machine's PostgreSQL binaries (initdb into a temp dir, a unix socket
/// there, stopped at the end). Never skipped: no PostgreSQL means the tests fail with the reason.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string EnvironmentVariable = "COBRANCA_TEST_POSTGRES";
    private readonly string? _dataDir;
    private readonly string? _binDir;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        var fromCi = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromCi))
        {
            ConnectionString = fromCi;
            return;
        }
        _binDir = FindBinDir() ?? throw new InvalidOperationException(
            $"PostgreSQL is needed by these tests: set {EnvironmentVariable} to a connection string, or install PostgreSQL (initdb, pg_ctl) on this machine.");
        _asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "cobranca-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        _dataDir = Path.Combine(root, "data");
        if (_asPostgresUser) Run("chown", $"postgres {root}", asPostgres: false);
        Run(Path.Combine(_binDir, "initdb"), $"-D {_dataDir} -U cobranca --auth=trust -E UTF8 --no-sync", _asPostgresUser);
        var port = FreePort();
        Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir} -l {root}/log -w -o \"-k {root} -p {port} -c listen_addresses='' -c fsync=off -c max_connections=200\" start", _asPostgresUser);
        ConnectionString = $"Host={root};Port={port};Username=cobranca;Database=postgres;Maximum Pool Size=50";
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (_dataDir is null || _binDir is null) return;
        try
        {
            Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir} -m immediate -w stop", _asPostgresUser);
        }
        finally
        {
            try { Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? FindBinDir()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        if (Directory.Exists("/usr/lib/postgresql"))
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending())
                if (File.Exists(Path.Combine(version, "bin", "initdb"))) return Path.Combine(version, "bin");
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{Path.GetFileName(file)}' failed ({process.ExitCode}): {stderr} {stdout.Result}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
