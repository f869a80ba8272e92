using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli;

/// <summary>
/// Runs command actions with the CLI's conventions: Ctrl+C becomes the cancellation token and exit code 130,
/// connector failures exit with 2 (message to stderr, already redacted), bad input with 1.
/// </summary>
public static class CliRunner
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Sets <paramref name="action"/> as the command's action, wrapped with the exit-code conventions.</summary>
    /// <param name="command">The command.</param>
    /// <param name="action">Returns the exit code; receives the Ctrl+C token.</param>
    public static void SetCliAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, cancellationToken));
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON to stdout (for <c>--json</c>).</summary>
    /// <param name="value">Any serialisable value.</param>
    public static void WriteJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    private static async Task<int> RunAsync(ParseResult parseResult, Func<ParseResult, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        // System.CommandLine only listens for Ctrl+C once the action has returned its Task: yield first, so a long
        // synchronous stretch at the start of an action (generating data, say) can still be interrupted.
        await Task.Yield();
        // Redirected output (CI logs, files) has no terminal width: do not wrap tables at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        try
        {
            return await action(parseResult, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (ConnectorException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Provider} {ex.Operation}: {ex.Message}");
            return ExitCodes.ProviderError;
        }
        catch (NotSupportedException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.ProviderError;
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"error: {SensitiveData.Redact(ex.Message)}");
            return ExitCodes.Usage;
        }
    }
}
