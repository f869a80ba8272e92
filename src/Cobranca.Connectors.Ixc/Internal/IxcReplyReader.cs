namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// Travels with a request (<see cref="HttpRequestMessage.Options"/>) to <see cref="IxcReplyHandler"/>: how much of the
/// reply may be read, and, for reads, how to parse a 2xx body inside the retried attempt.
/// </summary>
internal sealed class IxcReplyReader(string operation, long maxBytes, Func<ReadOnlyMemory<byte>, object?>? parse)
{
    public const string Key = "cobranca.ixc.reply-reader";

    public static readonly HttpRequestOptionsKey<IxcReplyReader> OptionsKey = new(Key);

    public string Operation { get; } = operation;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Parses a 2xx body; must not keep a reference to the (pooled) bytes. Null: the caller parses.</summary>
    public Func<ReadOnlyMemory<byte>, object?>? Parse { get; } = parse;
}
