using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Workflows.Tests;

/// <summary>
/// Exact schedule validation (fields, reasons, values, bounds), the step factories, quiet hours and the holiday calendar:
/// the rules the dunning planner relies on (issue 17).
/// </summary>
public sealed class DunningScheduleDepthTests
{
    private const string Rgc = "(Anatel RGC, Res. 765/2023 art. 70).";

    private static (string Field, string Reason, string? Value)[] Violations(DunningSchedule schedule) =>
        schedule.Validate().Select(v => (v.Field, v.Reason, v.Value)).ToArray();

    [Fact]
    public void Every_field_problem_is_reported_with_its_field_reason_and_value()
    {
        var schedule = new DunningSchedule
        {
            SuspensionNoticeDays = 14,
            NotificationGraceDays = 31,
            QuietHours = new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)),
            Steps =
            [
                null!,
                new DunningStep { Key = "a|b", Day = -61, Action = DunningActionKind.Notify, TemplateKey = " " },
                DunningStep.Notify("ok", 366, "t"),
                DunningStep.Notify("ok", 1, "t"),
                DunningStep.SuspensionNotice("early", 0, "n"),
                new DunningStep { Key = "slow", Day = 40, Action = DunningActionKind.Throttle, Limit = new Bandwidth(0, 1_000_000) },
                new DunningStep { Key = "odd", Day = 50, Action = (DunningActionKind)99 },
                new DunningStep { Key = "blk", Day = 60, Action = DunningActionKind.Block, IsSuspensionNotice = true },
                new DunningStep { Key = " ", Day = 1, Action = DunningActionKind.Notify, TemplateKey = "t" },
            ],
        };

        Assert.Equal(
            [
                ("suspensionNoticeDays", "Anatel RGC (Res. 765/2023 art. 70) allows suspension only 15 days after the notice.", "14"),
                ("notificationGraceDays", "Must be between 0 and 30.", "31"),
                ("quietHours", "Start and end are equal; use null for no quiet hours.", "08:00-08:00"),
                ("steps[0]", "Null step.", null),
                ("steps[1].key", "Use letters, digits, '-', '_' or '.' (the key is part of the idempotency key).", "a|b"),
                ("steps[1].day", "Must be between -60 and 365.", "-61"),
                ("steps[1].template", "A notify step needs a template key.", null),
                ("steps[2].day", "Must be between -60 and 365.", "366"),
                ("steps[3].key", "Duplicate step key.", "ok"),
                ("steps[4].day", "The suspension notice is about overdue debt: it must come after the due date (day 1 or later).", "0"),
                ("steps[5].limit", "A throttle step needs a positive download and upload limit.", null),
                ("steps[6].action", "Unknown action.", "99"),
                ("steps[7].suspensionNotice", "Only a notify step can be the suspension notice.", null),
                ("steps[8].key", "Use letters, digits, '-', '_' or '.' (the key is part of the idempotency key).", " "),
            ],
            Violations(schedule));

        var error = Assert.Throws<ConnectorValidationException>(schedule.EnsureValid);
        Assert.StartsWith("Invalid dunning schedule: suspensionNoticeDays: Anatel RGC (Res. 765/2023 art. 70) allows suspension only 15 days after the notice. notificationGraceDays: Must be between 0 and 30. quietHours:",
            error.Message, StringComparison.Ordinal);
        Assert.Equal(14, error.Violations.Count);
        Assert.Equal("workflows", error.Provider);
        Assert.Equal("dunning.schedule", error.Operation);
    }

    [Fact]
    public void Restrictions_are_measured_from_the_latest_notice_before_them()
    {
        var schedule = new DunningSchedule
        {
            Steps =
            [
                DunningStep.SuspensionNotice("n1", 5, "n"), DunningStep.SuspensionNotice("n2", 10, "n"), DunningStep.Suspend("b", 24),
                DunningStep.ThrottleTo("early", 9, Bandwidth.FromMegabits(1)), DunningStep.Suspend("c", 25),
                DunningStep.SuspensionNotice("n3", 40, "n"), DunningStep.Suspend("d", 40),
            ],
        };

        Assert.Equal(
            [
                ("steps[2].day", $"'b' on day 24 is only 14 days after the suspension notice 'n2' (day 10); at least 15 are required {Rgc}", "24"),
                ("steps[3].day", $"'early' on day 9 is only 4 days after the suspension notice 'n1' (day 5); at least 15 are required {Rgc}", "9"),
            ],
            Violations(schedule));

        var noNotice = new DunningSchedule { Steps = [DunningStep.Suspend("b", 20), DunningStep.SuspensionNotice("n", 20, "n")] };
        Assert.Equal([("steps[0].day", $"'b' restricts service but no suspension notice step comes before it {Rgc}", "20")], Violations(noNotice));

        var plainMessageOnly = new DunningSchedule { Steps = [DunningStep.Notify("n", 1, "n"), DunningStep.ThrottleTo("t", 30, Bandwidth.FromMegabits(1))] };
        Assert.Equal("steps[1].day", Assert.Single(plainMessageOnly.Validate()).Field);

        var longer = new DunningSchedule
        {
            Steps = [DunningStep.SuspensionNotice("n", 10, "n"), DunningStep.Suspend("b", 29)], SuspensionNoticeDays = 20,
        };
        Assert.Equal([("steps[1].day", $"'b' on day 29 is only 19 days after the suspension notice 'n' (day 10); at least 20 are required {Rgc}", "29")],
            Violations(longer));
    }

    [Fact]
    public void Bounds_are_inclusive()
    {
        var edges = new DunningSchedule
        {
            Steps =
            [
                DunningStep.Notify("first", -60, "t"), DunningStep.SuspensionNotice("n", 1, "n"),
                DunningStep.ThrottleTo("t", 16, new Bandwidth(1, 1)), DunningStep.Suspend("b", 365), DunningStep.Notify("x.y_z-9", 365, "t"),
            ],
            NotificationGraceDays = 0,
            QuietHours = null,
        };
        Assert.Empty(edges.Validate());
        edges.EnsureValid();
        Assert.Empty(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, NotificationGraceDays = 30, SuspensionNoticeDays = 15 }.Validate());
        var negative = Assert.Single(new DunningSchedule { Steps = DunningSchedule.Rgc765.Steps, NotificationGraceDays = -1 }.Validate());
        Assert.Equal(("notificationGraceDays", "-1"), (negative.Field, negative.Value));
        Assert.Single(new DunningSchedule { Steps = [new DunningStep { Key = "t", Day = 1, Action = DunningActionKind.Notify, TemplateKey = "" }] }.Validate());
        Assert.Single(new DunningSchedule { Steps = [new DunningStep { Key = "", Day = 1, Action = DunningActionKind.Notify, TemplateKey = "t" }] }.Validate());

        var notice = DunningStep.SuspensionNotice("n", 1, "n");
        Assert.Equal("steps[1].limit", Assert.Single(new DunningSchedule
        {
            Steps = [notice, new DunningStep { Key = "t", Day = 20, Action = DunningActionKind.Throttle, Limit = new Bandwidth(1, 0) }],
        }.Validate()).Field);
        Assert.Equal("steps[1].limit", Assert.Single(new DunningSchedule
        {
            Steps = [notice, new DunningStep { Key = "t", Day = 20, Action = DunningActionKind.Throttle, Limit = new Bandwidth(0, 1) }],
        }.Validate()).Field);
    }

    [Fact]
    public void An_empty_or_missing_step_list_is_one_violation()
    {
        Assert.Equal([("steps", "A schedule needs at least one step.", (string?)null)],
            Violations(new DunningSchedule { Steps = [], SuspensionNoticeDays = 1 }));
        Assert.Equal([("steps", "A schedule needs at least one step.", (string?)null)], Violations(new DunningSchedule { Steps = null! }));
        Assert.Equal("Invalid dunning schedule: steps: A schedule needs at least one step.",
            Assert.Throws<ConnectorValidationException>(new DunningSchedule { Steps = [] }.EnsureValid).Message);
    }

    [Fact]
    public void Json_errors_say_what_is_wrong()
    {
        Assert.Equal("The dunning schedule JSON is null.", Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson("null")).Message);
        var malformed = Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson("{ \"steps\": [ "));
        Assert.StartsWith("The dunning schedule is not valid JSON: ", malformed.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(malformed.InnerException);
        Assert.Throws<ArgumentNullException>(() => DunningSchedule.FromJson(null!));

        var invalid = Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson(
            """{ "steps": [ { "key": "n", "day": 10, "action": "notify", "template": "t", "suspensionNotice": true }, { "key": "b", "day": 12, "action": "block" } ] }"""));
        Assert.StartsWith("Invalid dunning schedule: steps[1].day: 'b' on day 12 is only 2 days after", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rgc765_preset_is_exactly_the_documented_one()
    {
        var s = DunningSchedule.Rgc765;
        Assert.Equal(
            [
                ("reminder", -3, DunningActionKind.Notify, "invoice-reminder", false),
                ("due-today", 0, DunningActionKind.Notify, "invoice-due-today", false),
                ("overdue-1", 1, DunningActionKind.Notify, "invoice-overdue", false),
                ("overdue-5", 5, DunningActionKind.Notify, "invoice-overdue", false),
                ("suspension-notice", 10, DunningActionKind.Notify, "suspension-notice", true),
                ("suspension", 25, DunningActionKind.Block, (string?)null, false),
            ],
            s.Steps.Select(x => (x.Key, x.Day, x.Action, x.TemplateKey, x.IsSuspensionNotice)));
        Assert.Equal((QuietHours.Default, false, false, 3, 15),
            (s.QuietHours, s.NotifyOnNonBusinessDays, s.AccessChangesOnNonBusinessDays, s.NotificationGraceDays, s.SuspensionNoticeDays));
        Assert.Equal(15, DunningSchedule.MinimumSuspensionNoticeDays);
    }

    [Fact]
    public void Step_factories_set_exactly_their_fields()
    {
        var limit = Bandwidth.FromMegabits(2, 1);
        Assert.Equal(new DunningStep { Key = "k", Day = -3, Action = DunningActionKind.Notify, TemplateKey = "t" }, DunningStep.Notify("k", -3, "t"));
        Assert.Equal(new DunningStep { Key = "n", Day = 10, Action = DunningActionKind.Notify, TemplateKey = "s", IsSuspensionNotice = true },
            DunningStep.SuspensionNotice("n", 10, "s"));
        Assert.Equal(new DunningStep { Key = "t", Day = 20, Action = DunningActionKind.Throttle, Limit = limit }, DunningStep.ThrottleTo("t", 20, limit));
        Assert.Equal(new DunningStep { Key = "b", Day = 30, Action = DunningActionKind.Block }, DunningStep.Suspend("b", 30));
    }

    [Fact]
    public void Quiet_hours_edges_and_text()
    {
        Assert.Equal(new QuietHours(new TimeOnly(20, 0), new TimeOnly(8, 0)), QuietHours.Default);
        Assert.Equal("20:00-08:00", QuietHours.Default.ToString());
        var lunch = new QuietHours(new TimeOnly(12, 30), new TimeOnly(14, 5));
        Assert.Equal("12:30-14:05", lunch.ToString());
        Assert.False(lunch.Contains(new TimeOnly(12, 29)));
        Assert.True(lunch.Contains(new TimeOnly(12, 30)));
        Assert.True(lunch.Contains(new TimeOnly(14, 4)));
        Assert.False(lunch.Contains(new TimeOnly(14, 5)));
        Assert.False(lunch.Contains(TimeOnly.MinValue));
        Assert.True(QuietHours.Default.Contains(TimeOnly.MinValue));
        Assert.True(QuietHours.Default.Contains(new TimeOnly(23, 59)));
        Assert.False(QuietHours.Default.Contains(new TimeOnly(12, 0)));
        var equal = new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0));
        Assert.False(equal.Contains(new TimeOnly(8, 0))); // start inclusive, end exclusive: an empty window
    }

    [Theory]
    [InlineData(1583, 4, 10)]
    [InlineData(1600, 4, 2)]
    [InlineData(1700, 4, 11)]
    [InlineData(1818, 3, 22)]
    [InlineData(1899, 4, 2)]
    [InlineData(1900, 4, 15)]
    [InlineData(1954, 4, 18)]
    [InlineData(1961, 4, 2)]
    [InlineData(1974, 4, 14)]
    [InlineData(1981, 4, 19)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2049, 4, 18)]
    [InlineData(2076, 4, 19)]
    [InlineData(2100, 3, 28)]
    [InlineData(2285, 3, 22)]
    [InlineData(2400, 4, 16)]
    [InlineData(3000, 4, 13)]
    [InlineData(4099, 4, 19)]
    public void Easter_sunday_over_the_centuries(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), HolidayCalendar.EasterSunday(year));

    [Fact]
    public void Easter_is_gregorian_only()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendar.EasterSunday(1582));
        var banks = new HolidayCalendar(includeEasterBased: true);
        Assert.False(banks.IsHoliday(new DateOnly(1582, 4, 15))); // no Easter-based dates before 1583, and no exception
        Assert.True(banks.IsHoliday(new DateOnly(1583, 4, 8)));   // Good Friday 1583
        Assert.True(banks.IsHoliday(new DateOnly(1582, 12, 25))); // the fixed ones still apply
    }

    [Fact]
    public void National_fixed_holidays_in_date_order()
    {
        Assert.Equal(
            [new(2023, 1, 1), new(2023, 4, 21), new(2023, 5, 1), new(2023, 9, 7), new(2023, 10, 12), new(2023, 11, 2), new(2023, 11, 15), new DateOnly(2023, 12, 25)],
            HolidayCalendar.NationalFixedHolidays(2023));
        Assert.Equal(
            [new(2024, 1, 1), new(2024, 4, 21), new(2024, 5, 1), new(2024, 9, 7), new(2024, 10, 12), new(2024, 11, 2), new(2024, 11, 15), new(2024, 11, 20), new DateOnly(2024, 12, 25)],
            HolidayCalendar.NationalFixedHolidays(2024));
        Assert.False(HolidayCalendar.BrazilNational.IsHoliday(new DateOnly(2023, 11, 20)));
        Assert.True(HolidayCalendar.BrazilNational.IsHoliday(new DateOnly(2024, 11, 20)));
    }

    [Fact]
    public void Host_only_calendars_and_the_easter_based_dates()
    {
        var hostOnly = new HolidayCalendar([new DateOnly(2026, 1, 25)], includeNationalFixed: false);
        Assert.True(hostOnly.IsHoliday(new DateOnly(2026, 1, 25)));
        Assert.False(hostOnly.IsHoliday(new DateOnly(2026, 1, 1)));
        Assert.False(new HolidayCalendar().IsHoliday(new DateOnly(2026, 2, 17))); // Carnival is opt-in
        var banks = new HolidayCalendar(includeEasterBased: true);
        foreach (var day in HolidayCalendar.EasterBasedHolidays(2027)) Assert.True(banks.IsHoliday(day));
        Assert.Equal([new DateOnly(2027, 2, 8), new DateOnly(2027, 2, 9), new DateOnly(2027, 3, 26), new DateOnly(2027, 5, 27)],
            HolidayCalendar.EasterBasedHolidays(2027));
        Assert.False(banks.IsHoliday(new DateOnly(2027, 3, 28))); // Easter Sunday itself is not listed (it is a Sunday anyway)
        Assert.False(HolidayCalendar.None.IsHoliday(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Json_field_errors_are_listed_in_the_message_and_name_the_json_path()
    {
        var unknown = Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson(
            """{ "steps": [ { "key": "x", "day": 1, "action": "sms", "template": "t" } ] }"""));
        var violation = Assert.Single(unknown.Violations);
        Assert.Equal("steps[0].action", violation.Field);
        Assert.Equal($"Invalid dunning schedule: steps[0].action: {violation.Reason}", unknown.Message);

        var wrongType = Assert.Throws<ConnectorValidationException>(() => DunningSchedule.FromJson("""{ "steps": 5 }"""));
        Assert.Equal("$.steps", Assert.Single(wrongType.Violations).Field);
    }
}
