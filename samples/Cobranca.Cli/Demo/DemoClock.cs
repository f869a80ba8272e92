namespace Cobranca.Cli.Demo;

/// <summary>
/// The demo's clock: starts at a fixed time and can be moved, so the dunning step can replay past days of the
/// "régua" and every simulator and client agrees on what "today" is.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Sets the current time.</summary>
    /// <param name="now">The new time.</param>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    /// <summary>
    /// 10:00 in São Paulo on the latest business day (Monday to Friday, not a national holiday) on or before the real
    /// date: the demo then runs inside business hours, outside quiet hours, whatever time CI starts it.
    /// </summary>
    public static DateTimeOffset BusinessMorning(DateOnly date, Func<DateOnly, bool> isBusinessDay)
    {
        ArgumentNullException.ThrowIfNull(isBusinessDay);
        while (!isBusinessDay(date)) date = date.AddDays(-1);
        return Cobranca.Connectors.Abstractions.BrazilTime.FromLocal(date.ToDateTime(new TimeOnly(10, 0)));
    }
}
