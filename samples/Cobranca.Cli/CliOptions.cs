using System.CommandLine;

namespace Cobranca.Cli;

/// <summary>Options shared by every command.</summary>
public static class CliOptions
{
    /// <summary><c>--json</c>: machine-readable output on stdout, no markup; messages go to stderr.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout instead of tables",
        Recursive = true,
    };
}
