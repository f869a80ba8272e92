using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>One command of a batch round: its planned decision and what happened to the writes made for it.</summary>
internal sealed class PlannedItem
{
    private readonly object _sync = new();
    private bool _applied;
    private bool _notAttempted;
    private bool _unconfirmed;
    private int _remaining;

    public PlannedItem(int index, AccessCommand command)
    {
        Index = index;
        Command = command;
    }

    public int Index { get; }

    public AccessCommand Command { get; }

    /// <summary>Set when the plan decided without any write (already in state, invalid, superseded).</summary>
    public BatchItemOutcome? Decided { get; private set; }

    public Exception? Error { get; private set; }

    /// <summary>Free text for the report (e.g. "superseded").</summary>
    public string? Note { get; private set; }

    public void Decide(BatchItemOutcome outcome, Exception? error = null, string? note = null)
    {
        Decided = outcome;
        Error = error;
        Note = note;
    }

    /// <summary>The later item for the same subscriber that replaced this one in the batch, if any.</summary>
    public PlannedItem? SupersededBy { get; set; }

    /// <summary>True once a kick (<c>/ppp/active/remove</c>) of one of its sessions was confirmed.</summary>
    public bool Kicked { get; private set; }

    public void MarkKicked() => Kicked = true;

    /// <summary>True when one of its writes failed, was not sent or was not confirmed (a dependent write must not follow).</summary>
    public bool HasUnsuccessfulWrite
    {
        get
        {
            lock (_sync) return Decided == BatchItemOutcome.Failed || _unconfirmed || _notAttempted;
        }
    }

    public void AddStep() => Interlocked.Increment(ref _remaining);

    /// <summary>Records the result of one write; returns true when that was the item's last pending write.</summary>
    public bool Record(BatchItemOutcome outcome, Exception? error = null)
    {
        lock (_sync)
        {
            switch (outcome)
            {
                case BatchItemOutcome.Applied: _applied = true; break;
                case BatchItemOutcome.AlreadyInState: break; // the default when nothing else was recorded
                case BatchItemOutcome.NotAttempted: _notAttempted = true; break;
                case BatchItemOutcome.Unconfirmed: _unconfirmed = true; Error ??= error; break;
                default: Error = error ?? Error; Decided = BatchItemOutcome.Failed; break;
            }
            if (outcome == BatchItemOutcome.NotAttempted && error is not null) Error ??= error;
        }
        return Interlocked.Decrement(ref _remaining) == 0;
    }

    /// <summary>Drops one pending write without recording a result (the write was replaced by smaller ones).</summary>
    public bool Release() => Interlocked.Decrement(ref _remaining) == 0;

    public BatchItemOutcome Outcome
    {
        get
        {
            lock (_sync)
            {
                if (Decided is { } d) return d;
                if (_unconfirmed) return BatchItemOutcome.Unconfirmed;
                if (_notAttempted) return _applied ? BatchItemOutcome.Unconfirmed : BatchItemOutcome.NotAttempted;
                if (_applied) return BatchItemOutcome.Applied;
                return BatchItemOutcome.AlreadyInState;
            }
        }
    }
}
