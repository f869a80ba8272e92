namespace Cobranca.Connectors.Boleto;

/// <summary>"Today" as the calendar date in America/Sao_Paulo.</summary>
internal static class SaoPauloDate
{
    private static readonly TimeZoneInfo? Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("America/Sao_Paulo", out var zone) ? zone : null;

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        // Without time zone data, use UTC−3 (Brazil has had no daylight saving time since 2019).
        var local = Zone is null ? now.ToOffset(TimeSpan.FromHours(-3)) : TimeZoneInfo.ConvertTime(now, Zone);
        return DateOnly.FromDateTime(local.DateTime);
    }
}
