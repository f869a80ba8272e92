using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

public sealed class DunningScheduleTests
{
    internal const string ExampleJson = """
        {
          // régua de cobrança: day offsets from the due date
          "quietHours": { "start": "20:00", "end": "08:00" },
          "notifyOnNonBusinessDays": false,
          "accessChangesOnNonBusinessDays": false,
          "notificationGraceDays": 3,
          "suspensionNoticeDays": 15,
          "steps": [
            { "key": "reminder", "day": -3, "action": "notify", "template": "invoice-reminder" },
            { "key": "due-today", "day": 0, "action": "notify", "template": "invoice-due-today" },
            { "key": "overdue-1", "day": 1, "action": "notify", "template": "invoice-overdue" },
            { "key": "suspension-notice", "day": 10, "action": "notify", "template": "suspension-notice", "suspensionNotice": true },
            { "key": "courtesy-throttle", "day": 25, "action": "throttle", "downloadMbps": 2, "uploadMbps": 1 },
            { "key": "suspension", "day": 30, "action": "block" }
          ]
        }
        """;

    [Fact]
    public void Rgc765_preset_is_valid_and_waits_15_days_after_the_notice()
    {
        var schedule = DunningSchedule.Rgc765;

        Assert.Empty(schedule.Validate());
        var notice = Assert.Single(schedule.Steps, s => s.IsSuspensionNotice);
        var block = Assert.Single(schedule.Steps, s => s.Action == DunningActionKind.Block);
        Assert.True(block.Day - notice.Day >= DunningSchedule.MinimumSuspensionNoticeDays);
        Assert.Equal(QuietHours.Default, schedule.QuietHours);
    }

    [Fact]
    public void Suspension_too_soon_after_the_notice_is_rejected()
    {
        var schedule = new DunningSchedule
        {
            Steps = [DunningStep.SuspensionNotice("notice", 10, "suspension-notice"), DunningStep.Suspend("block", 20)],
        };

        var error = Assert.Throws<ConnectorValidationException>(schedule.EnsureValid);

        var violation = Assert.Single(error.Violations);
        Assert.Equal("steps[1].day", violation.Field);
        Assert.Contains("only 10 days after the suspension notice", violation.Reason, StringComparison.Ordinal);
        Assert.Contains("765/2023", violation.Reason, StringComparison.Ordinal);
        Assert.Throws<ConnectorValidationException>(() => new DunningPlanner(schedule));
    }

    [Fact]
    public void Throttle_counts_as_a_restriction_and_needs_the_notice_period_too()
    {
        var schedule = new DunningSchedule
        {
            Steps =
            [
                DunningStep.SuspensionNotice("notice", 5, "n"), DunningStep.ThrottleTo("slow", 12, Bandwidth.FromMegabits(1)),
                DunningStep.Suspend("block", 20),
            ],
        };

        var violation = Assert.Single(schedule.Validate());
        Assert.Equal("steps[1].day", violation.Field);
    }

    [Theory]
    [InlineData("no-notice")]
    [InlineData("notice-before-due")]
    [InlineData("short-notice-period")]
    [InlineData("duplicate-key")]
    [InlineData("no-template")]
    [InlineData("no-limit")]
    [InlineData("bad-key")]
    [InlineData("empty")]
    public void Invalid_schedules_are_rejected(string problem)
    {
        var notice = DunningStep.SuspensionNotice("notice", 10, "n");
        var schedule = problem switch
        {
            "no-notice" => new DunningSchedule { Steps = [DunningStep.Notify("r", -3, "t"), DunningStep.Suspend("block", 30)] },
            "notice-before-due" => new DunningSchedule { Steps = [DunningStep.SuspensionNotice("notice", 0, "n")] },
            "short-notice-period" => new DunningSchedule { Steps = [notice], SuspensionNoticeDays = 10 },
            "duplicate-key" => new DunningSchedule { Steps = [notice, DunningStep.Notify("notice", 1, "t")] },
            "no-template" => new DunningSchedule { Steps = [new DunningStep { Key = "r", Day = 1, Action = DunningActionKind.Notify }] },
            "no-limit" => new DunningSchedule { Steps = [notice, new DunningStep { Key = "t", Day = 30, Action = DunningActionKind.Throttle }] },
            "bad-key" => new DunningSchedule { Steps = [DunningStep.Notify("a|b", 1, "t")] },
            _ => new DunningSchedule { Steps = [] },
        };

        Assert.NotEmpty(schedule.Validate());
        Assert.Throws<ConnectorValidationException>(schedule.EnsureValid);
    }

    [Fact]
    public void Json_schedule_loads_with_every_field()
    {
        var schedule = DunningSchedule.FromJson(ExampleJson);

        Assert.Equal(6, schedule.Steps.Count);
        Assert.Equal(new QuietHours(new TimeOnly(20, 0), new TimeOnly(8, 0)), schedule.QuietHours);
        var throttle = Assert.Single(schedule.Steps, s => s.Action == DunningActionKind.Throttle);
        Assert.Equal(Bandwidth.FromMegabits(2, 1), throttle.Limit);
        Assert.True(schedule.Steps.Single(s => s.Key == "suspension-notice").IsSuspensionNotice);
        Assert.Equal(-3, schedule.Steps[0].Day);
        Assert.Equal("invoice-reminder", schedule.Steps[0].TemplateKey);
    }

    [Fact]
    public void Json_round_trip_keeps_the_schedule()
    {
        var original = DunningSchedule.FromJson(ExampleJson);

        var copy = DunningSchedule.FromJson(original.ToJson());

        Assert.Equal(original.Steps, copy.Steps);
        Assert.Equal(original.QuietHours, copy.QuietHours);
        Assert.Equal(original.SuspensionNoticeDays, copy.SuspensionNoticeDays);
        Assert.Equal(DunningSchedule.Rgc765.Steps, DunningSchedule.FromJson(DunningSchedule.Rgc765.ToJson()).Steps);
    }

    [Theory]
    [InlineData("""{ "steps": [ { "key": "x", "day": 1, "action": "sms", "template": "t" } ] }""", "steps[0].action")]
    [InlineData("""{ "steps": [ { "key": "x", "day": 1, "action": "1", "template": "t" } ] }""", "steps[0].action")]
    [InlineData("""{ "quietHours": { "start": "8pm", "end": "08:00" }, "steps": [ { "key": "x", "day": 1, "action": "notify", "template": "t" } ] }""", "quietHours.start")]
    [InlineData("""{ "steps": [ { "key": "n", "day": 10, "action": "notify", "template": "t", "suspensionNotice": true }, { "key": "b", "day": 12, "action": "block" } ] }""", "steps[1].day")]
    [InlineData("""{ "steps": [ { "key": "x", "day": 1, "action": "notify", "template": "t", "colour": "red" } ] }""", "$")]
    [InlineData("""{ "steps": [ """, "$")]
    [InlineData("""{ "steps": [ { "key": "x", "action": "notify", "template": "t" } ] }""", "steps[0].day")]
    public void Bad_json_is_a_validation_error_naming_the_field(string json, string field)
    {
        var error = Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson(json));

        Assert.Contains(error.Violations, v => v.Field.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Quiet_hours_wrap_midnight()
    {
        var quiet = QuietHours.Default;

        Assert.True(quiet.Contains(new TimeOnly(22, 0)));
        Assert.True(quiet.Contains(new TimeOnly(20, 0)));
        Assert.True(quiet.Contains(new TimeOnly(7, 59)));
        Assert.False(quiet.Contains(new TimeOnly(8, 0)));
        Assert.False(quiet.Contains(new TimeOnly(19, 59)));
        Assert.True(new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)).Contains(new TimeOnly(13, 0)));
        Assert.False(new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)).Contains(new TimeOnly(14, 0)));
    }
}
