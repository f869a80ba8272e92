using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Spectre.Console;

namespace Cobranca.Cli.Demo;

/// <summary>Rendering helpers shared by the demo steps.</summary>
public static class DemoFormat
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary><c>23/11/2026</c>.</summary>
    /// <param name="date">The date.</param>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", PtBr);

    /// <summary>A status coloured for people: green with full access, red blocked, yellow otherwise.</summary>
    /// <param name="status">The status.</param>
    public static string StatusMarkup(AccessStatus status)
    {
        var colour = status.HasFullAccess ? "green" : status == AccessStatus.Blocked ? "red" : "yellow";
        return $"[{colour}]{Markup.Escape(status.Value)}[/]";
    }

    /// <summary>Prints a step heading (human mode only).</summary>
    /// <param name="title">The heading.</param>
    public static void Heading(string title) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());

    /// <summary>Says on stderr what a step expected and did not get.</summary>
    /// <param name="message">What went wrong.</param>
    public static bool Fail(string message)
    {
        Console.Error.WriteLine($"demo: {message}");
        return false;
    }
}
