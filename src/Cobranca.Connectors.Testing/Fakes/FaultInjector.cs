using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>Shared fault switchboard of the fakes: a "down" switch and a queue of exceptions for the next calls.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Queue<Exception> _next = new();
    private volatile bool _down;

    public bool IsDown
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Simulated round trip added to every call (waited on the fake's <see cref="TimeProvider"/>).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Starts one simulated call: honours cancellation, waits the latency, then throws the simulated fault, if any.</summary>
    public async ValueTask EnterAsync(string provider, string operation, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var latency = Latency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
        ThrowIfFaulted(provider, operation);
    }

    public void FailNext(Exception exception, int times)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            for (var i = 0; i < times; i++) _next.Enqueue(exception);
        }
    }

    public void Reset()
    {
        lock (_gate) _next.Clear();
        _down = false;
    }

    /// <summary>Throws the simulated fault for one call, if any.</summary>
    public void ThrowIfFaulted(string provider, string operation)
    {
        if (_down)
        {
            throw new ConnectorTransportException(provider, operation, "The backend is down (simulated by the fake).")
            {
                RequestNotSent = true,
            };
        }

        Exception? next;
        lock (_gate)
        {
            _next.TryDequeue(out next);
        }
        if (next is not null) throw next;
    }
}
