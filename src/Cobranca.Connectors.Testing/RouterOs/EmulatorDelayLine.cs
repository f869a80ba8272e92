using System.Diagnostics;

namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>
/// One direction of a link with a fixed one-way delay. Each item leaves at its own due time (the
/// <see cref="Stopwatch"/> timestamp at which it entered plus the delay), in the order it entered; everything due at the
/// same moment leaves together. One dedicated thread per line sleeps until the head item is due with a sub-millisecond
/// clock (<see cref="PreciseSleep"/>), so a "1 ms" delay is 1 ms and not a timer tick that fires late; the thread blocks
/// without using the CPU while the line is empty.
/// </summary>
/// <typeparam name="T">What travels on the line (sentences, reply bytes).</typeparam>
internal sealed class EmulatorDelayLine<T> : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<(long Due, T Item)> _queue = new();
    private readonly Func<List<T>, bool> _deliver;
    private readonly Action<Exception?> _stopped;
    private bool _disposed;
    private bool _waiting;

    /// <param name="name">Thread name (diagnostics).</param>
    /// <param name="deliver">Receives the items that are due, in order; returns false to stop the line.</param>
    /// <param name="stopped">Called once when the line stops by itself (deliver returned false or threw), not after <see cref="Dispose"/>.</param>
    public EmulatorDelayLine(string name, Func<List<T>, bool> deliver, Action<Exception?> stopped)
    {
        _deliver = deliver;
        _stopped = stopped;
        new Thread(Run) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>Puts <paramref name="item"/> on the line; it leaves <paramref name="delay"/> from now.</summary>
    public void Enqueue(T item, TimeSpan delay)
    {
        var due = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            if (_disposed) return;
            _queue.Enqueue((due, item));
            if (_waiting) Monitor.Pulse(_gate);
        }
    }

    /// <summary>Stops the line; items still on it are dropped (the connection is gone).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        PreciseSleep.PrepareThread();
        var batch = new List<T>();
        try
        {
            while (true)
            {
                long due;
                lock (_gate)
                {
                    while (_queue.Count == 0 && !_disposed)
                    {
                        _waiting = true;
                        Monitor.Wait(_gate);
                        _waiting = false;
                    }
                    if (_disposed) return;
                    due = _queue.Peek().Due;
                }
                PreciseSleep.Until(due);
                batch.Clear();
                var now = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    if (_disposed) return;
                    while (_queue.TryPeek(out var head) && head.Due <= now) batch.Add(_queue.Dequeue().Item);
                }
                if (batch.Count > 0 && !_deliver(batch))
                {
                    StopBySelf(null);
                    return;
                }
            }
        }
#pragma warning disable CA1031 // the line's thread must not die silently: any failure closes the connection it serves
        catch (Exception ex)
#pragma warning restore CA1031
        {
            StopBySelf(ex);
        }
    }

    private void StopBySelf(Exception? error)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _queue.Clear();
        }
        _stopped(error);
    }
}
