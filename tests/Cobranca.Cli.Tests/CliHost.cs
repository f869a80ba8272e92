using System.Reflection;
using System.Text;
using Spectre.Console;

// Console.Out/Error, Spectre's AnsiConsole and environment variables are process-wide: one CLI run at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Cobranca.Cli.Tests;

/// <summary>What one in-process run of <c>cobranca</c> produced.</summary>
/// <param name="ExitCode">The process exit code the CLI returned.</param>
/// <param name="Stdout">Everything written to standard output (Console and Spectre), without ANSI markup.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs <c>cobranca &lt;args&gt;</c> in this process through the CLI's own entry point (the top-level Program, so
/// every command registered there is reachable), capturing stdout, stderr and the exit code. Runs are serialised.
/// </summary>
public static class CliHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    // The compiler wraps an async top-level Program in a synchronous Main that blocks on "<Main>$"; call the async one.
    private static readonly MethodInfo EntryPoint = FindEntryPoint();

    /// <summary>Runs <c>cobranca</c> with <paramref name="args"/> and no extra environment.</summary>
    /// <param name="args">The command line, one argument per element (as the shell would split it).</param>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, environment: null);

    /// <summary>Runs <c>cobranca</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command line, one argument per element.</param>
    /// <param name="environment">Environment variables set for the run (null value = unset) and restored afterwards.</param>
    /// <param name="timeout">Fails the test when the run takes longer (default 2 minutes).</param>
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        await Gate.WaitAsync();
        var savedOut = Console.Out;
        var savedError = Console.Error;
        var savedConsole = AnsiConsole.Console;
        var savedEnvironment = new Dictionary<string, string?>();
        var stdout = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var stderr = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var syncOut = TextWriter.Synchronized(stdout);
        var syncError = TextWriter.Synchronized(stderr);
        try
        {
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                savedEnvironment[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
            Console.SetOut(syncOut);
            Console.SetError(syncError);
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(syncOut),
            });
            console.Profile.Width = 200;
            AnsiConsole.Console = console;

            var task = EntryPoint.ReturnType == typeof(Task<int>)
                ? (Task<int>)EntryPoint.Invoke(null, [args])!
                : Task.Run(() => (int)EntryPoint.Invoke(null, [args])!);
            var exitCode = await task.WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
            await syncOut.FlushAsync();
            await syncError.FlushAsync();
            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            AnsiConsole.Console = savedConsole;
            foreach (var (name, value) in savedEnvironment) Environment.SetEnvironmentVariable(name, value);
            Gate.Release();
        }
    }

    private static MethodInfo FindEntryPoint()
    {
        var main = typeof(CliRunner).Assembly.EntryPoint ?? throw new InvalidOperationException("cobranca has no entry point");
        return main.DeclaringType?.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public) is { } async
            && async.ReturnType == typeof(Task<int>)
            ? async
            : main;
    }
}
