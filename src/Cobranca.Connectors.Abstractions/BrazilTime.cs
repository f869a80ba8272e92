namespace Cobranca.Connectors.Abstractions;

/// <summary>The São Paulo calendar: "today" and local times for Brazilian systems.</summary>
public static class BrazilTime
{
    /// <summary>America/Sao_Paulo (IANA id; resolved on every OS supported by .NET 10).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>The São Paulo date now, by <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock (inject <see cref="TimeProvider.System"/> in production, a fake in tests).</param>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(Now(timeProvider).DateTime);
    }

    /// <summary>The São Paulo local time now, with its offset.</summary>
    /// <param name="timeProvider">The clock.</param>
    public static DateTimeOffset Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Zone);
    }

    /// <summary>Attaches the São Paulo offset in force at <paramref name="local"/> (a wall-clock time with no zone).</summary>
    /// <param name="local">Wall-clock time in São Paulo.</param>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
