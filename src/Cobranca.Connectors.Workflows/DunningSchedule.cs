using System.Globalization;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>
/// A dunning schedule ("régua de cobrança") as data: steps by day offset from the due date, plus the calendar rules
/// (quiet hours, weekends and holidays) and the legal notice period. Build it in code, start from <see cref="Rgc765"/>,
/// or load it with <see cref="FromJson"/>. <see cref="Validate"/> checks it against Anatel's RGC.
/// </summary>
public sealed class DunningSchedule
{
    /// <summary>The legal minimum between the suspension notice and a suspension: 15 days (Anatel RGC, Res. 765/2023 art. 70).</summary>
    public const int MinimumSuspensionNoticeDays = 15;

    private const string Operation = "dunning.schedule";

    /// <summary>The steps, in any order.</summary>
    public required IReadOnlyList<DunningStep> Steps { get; init; }

    /// <summary>No message in this daily window (São Paulo time); null = messages at any hour. Default 20:00–08:00.</summary>
    public QuietHours? QuietHours { get; init; } = Workflows.QuietHours.Default;

    /// <summary>Send messages on Saturdays, Sundays and holidays. Default false: they are deferred to the next business day.</summary>
    public bool NotifyOnNonBusinessDays { get; init; }

    /// <summary>Throttle/block on Saturdays, Sundays and holidays. Default false: deferred to the next business day, when the customer can reach the ISP.</summary>
    public bool AccessChangesOnNonBusinessDays { get; init; }

    /// <summary>
    /// How many business days (calendar days when <see cref="NotifyOnNonBusinessDays"/>) a message stays sendable after its
    /// scheduled day, so a run that was missed or deferred still sends it; past that it is dropped as stale. Default 3.
    /// </summary>
    public int NotificationGraceDays { get; init; } = 3;

    /// <summary>Days between the suspension notice and a throttle/block. At least <see cref="MinimumSuspensionNoticeDays"/>.</summary>
    public int SuspensionNoticeDays { get; init; } = MinimumSuspensionNoticeDays;

    /// <summary>
    /// The RGC 765 preset: reminder D-3, due-day message D0, soft collection D+1 and D+5, formal suspension notice D+10,
    /// suspension D+25 (notice + 15 days); quiet hours 20:00–08:00, nothing on weekends or holidays. Template keys:
    /// <c>invoice-reminder</c>, <c>invoice-due-today</c>, <c>invoice-overdue</c>, <c>suspension-notice</c>.
    /// </summary>
    public static DunningSchedule Rgc765 { get; } = new()
    {
        Steps =
        [
            DunningStep.Notify("reminder", -3, "invoice-reminder"),
            DunningStep.Notify("due-today", 0, "invoice-due-today"),
            DunningStep.Notify("overdue-1", 1, "invoice-overdue"),
            DunningStep.Notify("overdue-5", 5, "invoice-overdue"),
            DunningStep.SuspensionNotice("suspension-notice", 10, "suspension-notice"),
            DunningStep.Suspend("suspension", 25),
        ],
    };

    /// <summary>Checks the schedule; an empty list means valid.</summary>
    /// <returns>Every problem found, with the offending field (<c>steps[2].day</c>).</returns>
    public IReadOnlyList<FieldViolation> Validate()
    {
        var violations = new List<FieldViolation>();
        void Add(string field, string reason, object? value = null) =>
            violations.Add(new FieldViolation(field, reason, value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)));

        if (Steps is null || Steps.Count == 0)
        {
            Add("steps", "A schedule needs at least one step.");
            return violations;
        }
        if (SuspensionNoticeDays < MinimumSuspensionNoticeDays)
            Add("suspensionNoticeDays", $"Anatel RGC (Res. 765/2023 art. 70) allows suspension only {MinimumSuspensionNoticeDays} days after the notice.", SuspensionNoticeDays);
        if (NotificationGraceDays is < 0 or > 30) Add("notificationGraceDays", "Must be between 0 and 30.", NotificationGraceDays);
        if (QuietHours is { } quiet && quiet.Start == quiet.End) Add("quietHours", "Start and end are equal; use null for no quiet hours.", quiet);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"steps[{i}]");
            if (step is null) { Add(at, "Null step."); continue; }
            if (string.IsNullOrWhiteSpace(step.Key) || !step.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                Add($"{at}.key", "Use letters, digits, '-', '_' or '.' (the key is part of the idempotency key).", step.Key);
            else if (!keys.Add(step.Key))
                Add($"{at}.key", "Duplicate step key.", step.Key);
            if (step.Day is < -60 or > 365) Add($"{at}.day", "Must be between -60 and 365.", step.Day);

            switch (step.Action)
            {
                case DunningActionKind.Notify:
                    if (string.IsNullOrWhiteSpace(step.TemplateKey)) Add($"{at}.template", "A notify step needs a template key.");
                    if (step.IsSuspensionNotice && step.Day < 1)
                        Add($"{at}.day", "The suspension notice is about overdue debt: it must come after the due date (day 1 or later).", step.Day);
                    break;
                case DunningActionKind.Throttle:
                    if (step.Limit is not { DownloadBitsPerSecond: > 0, UploadBitsPerSecond: > 0 })
                        Add($"{at}.limit", "A throttle step needs a positive download and upload limit.");
                    break;
                case DunningActionKind.Block:
                    break;
                default:
                    Add($"{at}.action", "Unknown action.", step.Action);
                    break;
            }
            if (step.IsSuspensionNotice && step.Action != DunningActionKind.Notify)
                Add($"{at}.suspensionNotice", "Only a notify step can be the suspension notice.");
        }

        var notices = Steps.Where(s => s is { IsSuspensionNotice: true, Action: DunningActionKind.Notify }).ToList();
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (step is not { Action: DunningActionKind.Throttle or DunningActionKind.Block }) continue;
            var field = string.Create(CultureInfo.InvariantCulture, $"steps[{i}].day");
            var before = notices.Where(n => n.Day < step.Day).OrderByDescending(n => n.Day).FirstOrDefault();
            if (before is null)
            {
                Add(field, $"'{step.Key}' restricts service but no suspension notice step comes before it (Anatel RGC, Res. 765/2023 art. 70).", step.Day);
            }
            else if (step.Day - before.Day < SuspensionNoticeDays)
            {
                Add(field, string.Create(CultureInfo.InvariantCulture,
                    $"'{step.Key}' on day {step.Day} is only {step.Day - before.Day} days after the suspension notice '{before.Key}' (day {before.Day}); at least {SuspensionNoticeDays} are required (Anatel RGC, Res. 765/2023 art. 70)."),
                    step.Day);
            }
        }
        return violations;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="ConnectorValidationException">The schedule is invalid; <see cref="ConnectorValidationException.Violations"/> lists why.</exception>
    public void EnsureValid()
    {
        var violations = Validate();
        if (violations.Count > 0)
        {
            throw new ConnectorValidationException("workflows", Operation,
                "Invalid dunning schedule: " + string.Join(" ", violations.Select(v => $"{v.Field}: {v.Reason}")), violations);
        }
    }

    /// <summary>
    /// Loads and validates a schedule from JSON (see docs/workflows.md):
    /// <c>{"quietHours":{"start":"20:00","end":"08:00"},"steps":[{"key":"reminder","day":-3,"action":"notify","template":"invoice-reminder"}, ...]}</c>.
    /// Throttle steps take <c>"downloadMbps"</c>/<c>"uploadMbps"</c>; the notice has <c>"suspensionNotice": true</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ConnectorValidationException">Malformed JSON or an invalid schedule.</exception>
    public static DunningSchedule FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DunningScheduleDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(json, DunningScheduleJsonContext.Default.DunningScheduleDocument);
        }
        catch (JsonException ex)
        {
            throw new ConnectorValidationException("workflows", Operation, $"The dunning schedule is not valid JSON: {ex.Message}",
                [new FieldViolation(ex.Path ?? "$", ex.Message)], innerException: ex);
        }
        if (doc is null) throw new ConnectorValidationException("workflows", Operation, "The dunning schedule JSON is null.");

        var violations = new List<FieldViolation>();
        var schedule = doc.ToSchedule(violations);
        if (violations.Count > 0)
        {
            throw new ConnectorValidationException("workflows", Operation,
                "Invalid dunning schedule: " + string.Join(" ", violations.Select(v => $"{v.Field}: {v.Reason}")), violations);
        }
        schedule.EnsureValid();
        return schedule;
    }

    /// <summary>Writes the schedule as JSON in the format <see cref="FromJson"/> reads.</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(DunningScheduleDocument.From(this), DunningScheduleJsonContext.Default.DunningScheduleDocument);
}
