namespace Cobranca.Connectors.Testing;

/// <summary>"Today" as the SDK defines it: the calendar date in America/Sao_Paulo of an injected clock.</summary>
internal static class SaoPauloCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateOnly Today(TimeProvider timeProvider) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Zone).DateTime);
}
