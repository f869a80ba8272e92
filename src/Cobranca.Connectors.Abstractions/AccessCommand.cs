namespace Cobranca.Connectors.Abstractions;

/// <summary>One item of a bulk <see cref="IAccessController.ApplyAsync"/>.</summary>
public sealed record AccessCommand
{
    private AccessCommand(AccessCommandKind kind, Subscriber subscriber, BlockRequest? block, Bandwidth? limit)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        Kind = kind;
        Subscriber = subscriber;
        Block = block;
        Limit = limit;
    }

    /// <summary>What to do.</summary>
    public AccessCommandKind Kind { get; }

    /// <summary>To whom.</summary>
    public Subscriber Subscriber { get; }

    /// <summary>Block details, for <see cref="AccessCommandKind.Block"/>.</summary>
    public BlockRequest? Block { get; }

    /// <summary>The limit, for <see cref="AccessCommandKind.Throttle"/>.</summary>
    public Bandwidth? Limit { get; }

    /// <summary>A block command.</summary>
    /// <param name="subscriber">Who.</param>
    /// <param name="request">Details; defaults to <see cref="BlockRequest.Overdue"/>.</param>
    public static AccessCommand ToBlock(Subscriber subscriber, BlockRequest? request = null) =>
        new(AccessCommandKind.Block, subscriber, request ?? BlockRequest.Overdue, null);

    /// <summary>An unblock command.</summary>
    /// <param name="subscriber">Who.</param>
    public static AccessCommand ToUnblock(Subscriber subscriber) => new(AccessCommandKind.Unblock, subscriber, null, null);

    /// <summary>A throttle command.</summary>
    /// <param name="subscriber">Who.</param>
    /// <param name="limit">The reduced speed.</param>
    public static AccessCommand ToThrottle(Subscriber subscriber, Bandwidth limit) =>
        new(AccessCommandKind.Throttle, subscriber, null, limit);
}
