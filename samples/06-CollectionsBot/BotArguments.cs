namespace CollectionsBot;

/// <summary>The sample's command line: <c>[--script | --console] [--db PATH | --memory] [--from WA_ID]</c>.</summary>
public sealed record BotArguments(bool Console, string? DatabasePath, bool InMemory, string From)
{
    /// <summary>The usage line printed on bad input (exit code 2).</summary>
    public const string Usage = "Usage: [--script | --console] [--db PATH | --memory] [--from WA_ID]";

    /// <summary>Parses the arguments; false with a message naming the problem.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out BotArguments parsed, out string error)
    {
        var console = false;
        string? db = null;
        var memory = false;
        var from = BotWorld.AnaWaId;
        parsed = new BotArguments(console, db, memory, from);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--script": console = false; break;
                case "--console": console = true; break;
                case "--memory": memory = true; break;
                case "--db" or "--from" when i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    error = $"{args[i]} needs a value. {Usage}";
                    return false;
                case "--db": db = args[++i]; break;
                case "--from":
                    from = args[++i];
                    if (from.Length < 4) { error = $"--from needs a WhatsApp id (digits with the country code). {Usage}"; return false; }
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'. {Usage}";
                    return false;
            }
        }
        if (memory && db is not null)
        {
            error = $"--db and --memory exclude each other. {Usage}";
            return false;
        }
        parsed = new BotArguments(console, db, memory, from);
        error = "";
        return true;
    }
}
