namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// Something that decides whether a customer's connection works: an ERP's contract status (IXC, SGP, MK-Auth)
/// or a MikroTik router. Block, unblock and throttle are idempotent: asking for the state the subscriber is
/// already in is a no-op reported as <see cref="AccessChangeOutcome.AlreadyInState"/>.
/// </summary>
public interface IAccessController
{
    /// <summary>Name and capabilities of this controller.</summary>
    AccessControllerInfo Info { get; }

    /// <summary>Reads the subscriber's current access state.</summary>
    /// <param name="subscriber">Who: contract id, PPPoE login, IP address or MAC, as the backend needs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>Blocks the subscriber (idempotent).</summary>
    /// <param name="subscriber">Who.</param>
    /// <param name="request">Why, and optionally for how long.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default);

    /// <summary>Restores full access (idempotent): removes a block and any throttle.</summary>
    /// <param name="subscriber">Who.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>Reduces the subscriber's speed to <paramref name="limit"/> (idempotent).</summary>
    /// <param name="subscriber">Who.</param>
    /// <param name="limit">The reduced speed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies many commands at once, as efficiently as the backend allows. Never all-or-nothing silently:
    /// the result has one outcome per command, in order, and failed items say why.
    /// </summary>
    /// <param name="commands">The commands to apply.</param>
    /// <param name="progress">Optional progress reports.</param>
    /// <param name="cancellationToken">Cancels the batch; items not yet applied are reported as not attempted.</param>
    Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
