using System.Runtime.CompilerServices;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// Runs the phases of a plan on one connection: the steps of a phase are pipelined, phases run in order, and a later
/// phase (the kick after a profile or secret change) skips the items whose earlier write failed or is unconfirmed.
/// </summary>
internal sealed class BatchEngine
{
    private readonly RouterOsConnection _connection;
    private readonly Action<PlannedItem> _itemFinished;
    private volatile bool _connectionLost;

    public BatchEngine(RouterOsConnection connection, Action<PlannedItem> itemFinished)
    {
        _connection = connection;
        _itemFinished = itemFinished;
    }

    /// <summary>True once a write failed because the connection was lost.</summary>
    public bool ConnectionLost => _connectionLost;

    public Exception? LostBecause { get; private set; }

    /// <summary>Runs every phase; on caller cancellation every item has its outcome recorded before the exception propagates.</summary>
    public async Task RunAsync(IReadOnlyList<IReadOnlyList<BatchStep>> phases, CancellationToken cancellationToken)
    {
        for (var p = 0; p < phases.Count; p++)
        {
            IEnumerable<BatchStep> phase = phases[p];
            if (p > 0) phase = phase.Select(s => s.Without(static i => i.HasUnsuccessfulWrite, _itemFinished)).Where(s => s is not null).Select(s => s!).ToList();
            if (_connectionLost || cancellationToken.IsCancellationRequested)
            {
                foreach (var step in phase) Finish(step, BatchItemOutcome.NotAttempted, LostBecause);
                continue;
            }
            await Task.WhenAll(phase.Select(s => RunStepAsync(s, cancellationToken))).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task RunStepAsync(BatchStep step, CancellationToken cancellationToken)
    {
        if (_connectionLost || cancellationToken.IsCancellationRequested)
        {
            Finish(step, BatchItemOutcome.NotAttempted, LostBecause);
            return;
        }
        var sent = new StrongBox<bool>();
        try
        {
            await _connection.ExecuteAsync(step.Build(), sent, cancellationToken).ConfigureAwait(false);
            Finish(step, BatchItemOutcome.Applied, null);
        }
        catch (RouterOsTrapException trap) when (trap.IsNoSuchItem && step.BuildForIds is not null && step.Parts.Count > 1)
        {
            // Someone removed one of the ids since our read: retry each id alone so the rest still applies.
            var singles = step.Split();
            foreach (var item in step.Items)
            {
                if (item.Release()) _itemFinished(item);
            }
            await Task.WhenAll(singles.Select(s => RunStepAsync(s, cancellationToken))).ConfigureAwait(false);
        }
        catch (RouterOsTrapException trap) when ((trap.IsNoSuchItem && step.BuildForIds is not null) ||
                                                 (trap.IsAlreadyExists && step.AlreadyExistsIsAlreadyInState))
        {
            Finish(step, BatchItemOutcome.AlreadyInState, null);
        }
        catch (RouterOsTrapException trap)
        {
            Finish(step, BatchItemOutcome.Failed, trap);
        }
        catch (ConnectorTransportException ex)
        {
            _connectionLost = true;
            LostBecause ??= ex;
            Finish(step, ex.RequestNotSent ? BatchItemOutcome.NotAttempted : BatchItemOutcome.Unconfirmed, ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Sent but not answered: the router may have applied it. Never sent: nothing happened.
            Finish(step, sent.Value ? BatchItemOutcome.Unconfirmed : BatchItemOutcome.NotAttempted, ex);
        }
    }

    private void Finish(BatchStep step, BatchItemOutcome outcome, Exception? error)
    {
        foreach (var item in step.Items)
        {
            if (outcome == BatchItemOutcome.Applied && step.IsKick) item.MarkKicked();
            if (item.Record(outcome, error)) _itemFinished(item);
        }
    }
}
