using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster for tests and benchmarks of the PostgreSQL store: <c>initdb</c> into a temp
/// directory, started with <c>pg_ctl</c> on a unix socket there (no TCP listener), stopped and deleted on dispose.
/// Needs the PostgreSQL server binaries on this machine (<c>initdb</c>/<c>pg_ctl</c> on the PATH or under
/// <c>/usr/lib/postgresql/*/bin</c>); when the process runs as root, the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class TemporaryPostgreSqlServer : IDisposable
{
    private readonly string _root;
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private bool _disposed;

    private TemporaryPostgreSqlServer(string root, string binDir, bool asPostgresUser, string connectionString)
    {
        _root = root;
        _binDir = binDir;
        _asPostgresUser = asPostgresUser;
        ConnectionString = connectionString;
    }

    /// <summary>An Npgsql connection string to the cluster's <c>postgres</c> database (user <c>cobranca</c>, trust auth).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates and starts a cluster (takes a second or two).</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or the cluster did not start (with its output).</exception>
    public static TemporaryPostgreSqlServer Start()
    {
        var binDir = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on the PATH or under /usr/lib/postgresql/*/bin.");
        var asPostgres = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var root = Path.Combine(Path.GetTempPath(), "cobranca-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        if (asPostgres) Run("chown", $"postgres {root}", asPostgres: false);
        var data = Path.Combine(root, "data");
        Run(Path.Combine(binDir, "initdb"), $"-D {data} -U cobranca --auth=trust -E UTF8 --no-sync", asPostgres);
        var port = FreePort();
        Run(Path.Combine(binDir, "pg_ctl"),
            $"-D {data} -l {root}/log -w -o \"-k {root} -p {port} -c listen_addresses='' -c max_connections=200\" start", asPostgres);
        return new TemporaryPostgreSqlServer(root, binDir, asPostgres,
            string.Create(CultureInfo.InvariantCulture, $"Host={root};Port={port};Username=cobranca;Database=postgres;Maximum Pool Size=50"));
    }

    /// <summary>Stops the cluster (immediate mode) and deletes its directory.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Run(Path.Combine(_binDir, "pg_ctl"), $"-D {Path.Combine(_root, "data")} -m immediate -w stop", _asPostgresUser);
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Reverse()
            .Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}") : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{Path.GetFileName(file)}' failed with exit code {process.ExitCode}: {stderr} {stdout.Result}");
    }
}
