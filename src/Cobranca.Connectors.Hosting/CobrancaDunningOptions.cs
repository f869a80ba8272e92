using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Workflows;

namespace Cobranca.Connectors.Hosting;

/// <summary>The daily dunning run of a tenant (<c>Cobranca:Tenants:{name}:Dunning</c>).</summary>
public sealed class CobrancaDunningOptions
{
    /// <summary>Run the dunning every day. Default true; needs an <see cref="INotificationSender"/> registered.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Local time (tenant time zone) of the daily run. Default 09:00. Must be outside the schedule's quiet hours, where
    /// every message would only be deferred.
    /// </summary>
    public TimeOnly RunAt { get; set; } = new(9, 0);

    /// <summary>
    /// The schedule as JSON (the format of <see cref="DunningSchedule.FromJson"/>), read at start; null = the built-in
    /// <see cref="DunningSchedule.Rgc765"/>. The quiet hours and the business-day rules are the schedule's.
    /// </summary>
    public string? ScheduleFile { get; set; }

    /// <summary>Holidays beyond the national ones (state and city), as dates <c>yyyy-MM-dd</c>.</summary>
    public IList<DateOnly> Holidays { get; } = new List<DateOnly>();

    /// <summary>Add Carnival Monday/Tuesday, Good Friday and Corpus Christi to the holidays. Default false.</summary>
    public bool EasterHolidays { get; set; }

    /// <summary>
    /// When the host starts after today's <see cref="RunAt"/>, run today's dunning at once (the ledger makes a repeated
    /// day harmless, so a worker restarted at 10:00 does not skip the day). Default true; false = first run tomorrow.
    /// </summary>
    public bool CatchUpOnStart { get; set; } = true;

    /// <summary>Run also on weekends and holidays. Default false: such days are skipped unless the schedule notifies or
    /// changes access on non-business days.</summary>
    public bool RunOnNonBusinessDays { get; set; }

    /// <summary><see cref="DunningRunnerOptions.MaxConcurrency"/>. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary><see cref="DunningRunnerOptions.DryRun"/>: plan and report only. Default false.</summary>
    public bool DryRun { get; set; }

    /// <summary><see cref="DunningRunnerOptions.ClaimLease"/>. Default 10 minutes.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><see cref="DunningRunnerOptions.Unconfirmed"/>. Default <see cref="DunningUnconfirmedPolicy.Resend"/>.</summary>
    public DunningUnconfirmedPolicy Unconfirmed { get; set; } = DunningUnconfirmedPolicy.Resend;

    /// <summary>Every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled) return errors;
        if (MaxConcurrency is < 1 or > 64) errors.Add("MaxConcurrency must be between 1 and 64.");
        if (ClaimLease <= TimeSpan.Zero) errors.Add("ClaimLease must be positive.");
        if (!Enum.IsDefined(Unconfirmed)) errors.Add($"Unconfirmed '{Unconfirmed}' is not a known policy.");
        DunningSchedule? schedule = null;
        try
        {
            schedule = LoadSchedule();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ConnectorValidationException or ArgumentException)
        {
            errors.Add($"ScheduleFile '{ScheduleFile}': {ex.Message}");
        }
        if (schedule?.QuietHours is { } quiet && quiet.Contains(RunAt))
            errors.Add($"RunAt {RunAt:HH\\:mm} is inside the schedule's quiet hours ({quiet}): every message would be deferred.");
        return errors;
    }

    internal DunningSchedule LoadSchedule() =>
        string.IsNullOrWhiteSpace(ScheduleFile) ? DunningSchedule.Rgc765 : DunningSchedule.FromJson(File.ReadAllText(ScheduleFile));

    internal IHolidayCalendar HolidayCalendar() =>
        Holidays.Count == 0 && !EasterHolidays
            ? Workflows.HolidayCalendar.BrazilNational
            : new HolidayCalendar(Holidays, includeNationalFixed: true, includeEasterBased: EasterHolidays);
}
