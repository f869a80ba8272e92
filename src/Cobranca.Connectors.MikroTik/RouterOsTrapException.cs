using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// The router answered a command with one or more <c>!trap</c> sentences (then <c>!done</c>). The connection stays usable.
/// </summary>
public sealed class RouterOsTrapException : ConnectorApiException
{
    /// <summary>Creates an exception (standard constructor; no trap messages).</summary>
    public RouterOsTrapException()
        : this("RouterOS refused the command.")
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Messages"/> holds <paramref name="message"/>).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    public RouterOsTrapException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception (standard constructor; <see cref="Messages"/> holds <paramref name="message"/>).</summary>
    /// <param name="message">What happened; redacted on construction.</param>
    /// <param name="innerException">The cause.</param>
    public RouterOsTrapException(string message, Exception? innerException)
        : base(MikroTikTelemetry.ProviderName, string.Empty, message, innerException: innerException)
    {
        Messages = [message];
    }

    /// <summary>Creates the exception from the traps of one command.</summary>
    public RouterOsTrapException(string operation, IReadOnlyList<string> messages, int? category)
        : base(MikroTikTelemetry.ProviderName, operation,
            $"RouterOS refused {operation}: {string.Join("; ", messages)}",
            providerErrorCode: category?.ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
        ArgumentNullException.ThrowIfNull(messages);
        Messages = messages;
        Category = category;
    }

    /// <summary>Every <c>=message=</c>, in order (a command can trap more than once).</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The first <c>=category=</c> seen (0 missing item or command, 1 bad argument, 2 interrupted, ... 7), if any.</summary>
    public int? Category { get; }

    /// <summary>True for "failure: already have such ..." (a duplicate add).</summary>
    public bool IsAlreadyExists => Messages.Any(m => m.Contains("already have", StringComparison.OrdinalIgnoreCase)
                                                     || m.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for "no such item" (the id or name is gone).</summary>
    public bool IsNoSuchItem => Messages.Any(m => m.Contains("no such item", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the command was interrupted (category 2, e.g. by <c>/cancel</c>).</summary>
    public bool IsInterrupted => Category == 2;
}
