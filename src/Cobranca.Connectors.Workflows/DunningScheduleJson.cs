using System.Globalization;
using System.Text.Json.Serialization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows;

/// <summary>JSON shape of a <see cref="DunningSchedule"/>.</summary>
internal sealed class DunningScheduleDocument
{
    public QuietHoursDocument? QuietHours { get; set; }

    public bool NotifyOnNonBusinessDays { get; set; }

    public bool AccessChangesOnNonBusinessDays { get; set; }

    public int? NotificationGraceDays { get; set; }

    public int? SuspensionNoticeDays { get; set; }

    public List<DunningStepDocument>? Steps { get; set; }

    public DunningSchedule ToSchedule(List<FieldViolation> violations)
    {
        QuietHours? quiet = null;
        if (QuietHours is { } q)
        {
            var start = ParseTime(q.Start, "quietHours.start", violations);
            var end = ParseTime(q.End, "quietHours.end", violations);
            quiet = new QuietHours(start, end);
        }

        var steps = new List<DunningStep>();
        for (var i = 0; i < (Steps?.Count ?? 0); i++)
        {
            var s = Steps![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"steps[{i}]");
            if (!Enum.TryParse<DunningActionKind>(s.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(s.Action, out _))
            {
                violations.Add(new FieldViolation($"{at}.action", "Use \"notify\", \"throttle\" or \"block\".", s.Action));
                continue;
            }
            if (s.Day is not { } day)
            {
                violations.Add(new FieldViolation($"{at}.day", "Every step needs a day offset from the due date."));
                continue;
            }
            Bandwidth? limit = null;
            if (s.DownloadMbps is { } down && s.UploadMbps is { } up && down > 0 && up > 0) limit = Bandwidth.FromMegabits(down, up);
            else if (action == DunningActionKind.Throttle) violations.Add(new FieldViolation($"{at}.downloadMbps", "A throttle step needs positive downloadMbps and uploadMbps."));
            steps.Add(new DunningStep
            {
                Key = s.Key ?? string.Empty,
                Day = day,
                Action = action,
                TemplateKey = s.Template,
                Limit = limit,
                IsSuspensionNotice = s.SuspensionNotice,
            });
        }

        return new DunningSchedule
        {
            Steps = steps,
            QuietHours = quiet,
            NotifyOnNonBusinessDays = NotifyOnNonBusinessDays,
            AccessChangesOnNonBusinessDays = AccessChangesOnNonBusinessDays,
            NotificationGraceDays = NotificationGraceDays ?? 3,
            SuspensionNoticeDays = SuspensionNoticeDays ?? DunningSchedule.MinimumSuspensionNoticeDays,
        };
    }

    public static DunningScheduleDocument From(DunningSchedule schedule) => new()
    {
        QuietHours = schedule.QuietHours is { } q
            ? new QuietHoursDocument { Start = q.Start.ToString("HH:mm", CultureInfo.InvariantCulture), End = q.End.ToString("HH:mm", CultureInfo.InvariantCulture) }
            : null,
        NotifyOnNonBusinessDays = schedule.NotifyOnNonBusinessDays,
        AccessChangesOnNonBusinessDays = schedule.AccessChangesOnNonBusinessDays,
        NotificationGraceDays = schedule.NotificationGraceDays,
        SuspensionNoticeDays = schedule.SuspensionNoticeDays,
        Steps = schedule.Steps.Select(s => new DunningStepDocument
        {
            Key = s.Key,
            Day = s.Day,
            Action = s.Action.ToString().ToLowerInvariant(),
            Template = s.TemplateKey,
            SuspensionNotice = s.IsSuspensionNotice,
            DownloadMbps = s.Limit is { } l ? l.DownloadBitsPerSecond / 1_000_000d : null,
            UploadMbps = s.Limit is { } u ? u.UploadBitsPerSecond / 1_000_000d : null,
        }).ToList(),
    };

    private static TimeOnly ParseTime(string? text, string field, List<FieldViolation> violations)
    {
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        violations.Add(new FieldViolation(field, "Use a 24-hour time like \"20:00\".", text));
        return default;
    }
}

/// <summary>JSON shape of <see cref="QuietHours"/>.</summary>
internal sealed class QuietHoursDocument
{
    public string? Start { get; set; }

    public string? End { get; set; }
}

/// <summary>JSON shape of a <see cref="DunningStep"/>.</summary>
internal sealed class DunningStepDocument
{
    public string? Key { get; set; }

    public int? Day { get; set; }

    public string? Action { get; set; }

    public string? Template { get; set; }

    public bool SuspensionNotice { get; set; }

    public double? DownloadMbps { get; set; }

    public double? UploadMbps { get; set; }
}

/// <summary>Source-generated JSON metadata for the schedule format (AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(DunningScheduleDocument))]
internal sealed partial class DunningScheduleJsonContext : JsonSerializerContext;
