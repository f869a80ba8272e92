using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Tests.Shared;

/// <summary>
/// A fake clock that says when a timer of the watched length exists. A test that moves the clock while a call is in
/// flight waits for <see cref="TimerDue"/> first: an advance made before the code under test created its timer would be
/// lost, and the call would wait forever.
/// </summary>
internal sealed class TimerWatchingClock(DateTimeOffset start, TimeSpan watched) : FakeTimeProvider(start)
{
    public TaskCompletionSource TimerDue { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watched) TimerDue.TrySetResult();
        return timer;
    }
}
