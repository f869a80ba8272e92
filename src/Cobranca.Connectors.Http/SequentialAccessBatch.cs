using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Http;

/// <summary>
/// <see cref="IAccessController.ApplyAsync"/> for ERP controllers that change one contract per request (IXC, SGP,
/// MK-Auth): the commands in order, one outcome each. A command whose request may have reached the server is
/// <see cref="BatchItemOutcome.Unconfirmed"/>, never failed or repeated; after cancellation the rest are
/// <see cref="BatchItemOutcome.NotAttempted"/>.
/// </summary>
internal static class SequentialAccessBatch
{
    public static async Task<BatchResult> ApplyAsync(IAccessController controller, IReadOnlyList<AccessCommand> commands,
        IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var results = new List<BatchItemResult>(commands.Count);
        var failed = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i] ?? throw new ArgumentException("The batch contains a null command.", nameof(commands));
            if (cancellationToken.IsCancellationRequested)
            {
                results.Add(new BatchItemResult(i, command, BatchItemOutcome.NotAttempted, "cancelled"));
                continue;
            }
            BatchItemResult result;
            try
            {
                var change = command.Kind switch
                {
                    AccessCommandKind.Block => await controller.BlockAsync(command.Subscriber, command.Block ?? BlockRequest.Overdue, cancellationToken).ConfigureAwait(false),
                    AccessCommandKind.Unblock => await controller.UnblockAsync(command.Subscriber, cancellationToken).ConfigureAwait(false),
                    _ => await controller.ThrottleAsync(command.Subscriber, command.Limit ?? default, cancellationToken).ConfigureAwait(false),
                };
                result = new BatchItemResult(i, command, change.Changed ? BatchItemOutcome.Applied : BatchItemOutcome.AlreadyInState);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                result = new BatchItemResult(i, command, BatchItemOutcome.Unconfirmed, "cancelled while in flight; re-read the state");
            }
            catch (ConnectorTransportException ex) when (!ex.RequestNotSent)
            {
                result = new BatchItemResult(i, command, BatchItemOutcome.Unconfirmed, ex.Message);
            }
            catch (Exception ex) when (ex is ConnectorException or NotSupportedException or ArgumentException)
            {
                result = new BatchItemResult(i, command, BatchItemOutcome.Failed, ex.Message);
            }
            if (!result.Succeeded) failed++;
            results.Add(result);
            progress?.Report(new BatchProgress(i + 1, commands.Count, failed));
        }
        return new BatchResult(results);
    }
}
