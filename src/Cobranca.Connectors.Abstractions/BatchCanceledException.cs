namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// <see cref="IAccessController.ApplyAsync"/> was cancelled by the caller. It is an <see cref="OperationCanceledException"/>
/// (so cancellation handling stays the same) that carries the per-item outcomes known when it stopped:
/// <see cref="BatchItemOutcome.Applied"/> / <see cref="BatchItemOutcome.AlreadyInState"/> / <see cref="BatchItemOutcome.Failed"/>
/// for items the router answered, <see cref="BatchItemOutcome.Unconfirmed"/> for writes sent but not answered, and
/// <see cref="BatchItemOutcome.NotAttempted"/> for items never sent.
/// </summary>
public sealed class BatchCanceledException : OperationCanceledException
{
    /// <summary>Creates an exception with no partial result.</summary>
    public BatchCanceledException()
        : this("The batch was cancelled.")
    {
    }

    /// <summary>Creates an exception with no partial result.</summary>
    /// <param name="message">What happened.</param>
    public BatchCanceledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with no partial result.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BatchCanceledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying the outcomes known so far.</summary>
    /// <param name="partialResult">One item per submitted command, in order.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public BatchCanceledException(BatchResult partialResult, CancellationToken cancellationToken)
        : base($"The batch was cancelled; outcomes so far: {partialResult}.", cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>The outcomes known when the batch stopped (null only when created without one).</summary>
    public BatchResult? PartialResult { get; }
}
