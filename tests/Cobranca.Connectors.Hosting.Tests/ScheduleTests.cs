using System.Threading.Channels;
using Cobranca.Connectors.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Hosting.Tests;

/// <summary>The hosted services under a fake clock: nothing sleeps, the test moves time.</summary>
public sealed class ScheduleTests
{
    private static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30); // a bound on a hang, not a sleep

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, SaoPaulo);

    private static Dictionary<string, string?> ErpOnly(Simulators sims, bool catchUp)
    {
        var config = sims.Configuration();
        config["Cobranca:Tenants:isp:MikroTik"] = "false";
        config["Cobranca:Tenants:isp:Pix"] = "false";
        config["Cobranca:Tenants:isp:Unblock:RetryPending"] = "false";
        config["Cobranca:Tenants:isp:Dunning:RunAt"] = "09:00";
        config["Cobranca:Tenants:isp:Dunning:CatchUpOnStart"] = catchUp ? "true" : "false";
        config["Cobranca:Tenants:isp:Dunning:Holidays:0"] = "2026-12-08"; // a city holiday (a Tuesday)
        return config;
    }

    [Fact]
    public async Task Daily_run_at_the_local_time_skipping_weekends_and_holidays()
    {
        var clock = new FakeTimeProvider(Local(12, 4, 12)); // Friday noon, after today's 09:00
        await using var sims = await Simulators.StartAsync(clock);
        var sender = new RecordingSender();
        using var host = TestHost.Build(ErpOnly(sims, catchUp: false), clock, sender: sender);
        var runs = Channel.CreateUnbounded<DunningRunRecord>();
        host.Services.GetRequiredKeyedService<CobrancaTenant>("isp").DunningRunCompleted = r => runs.Writer.TryWrite(r);
        await host.StartAsync();

        // No catch-up: nothing on Friday; Saturday and Sunday 09:00 are skipped.
        clock.SetUtcNow(Local(12, 5, 9));
        var saturday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal((new DateOnly(2026, 12, 5), Local(12, 5, 9), "Saturday"), (saturday.Date, saturday.StartedAt, saturday.Skipped));
        clock.SetUtcNow(Local(12, 6, 9));
        var sunday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("Sunday", sunday.Skipped);

        // Monday: not at 08:59, at 09:00 (the run records the moment it started).
        clock.SetUtcNow(Local(12, 7, 8, 59));
        clock.SetUtcNow(Local(12, 7, 9));
        var monday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Null(monday.Error);
        Assert.Null(monday.Skipped);
        Assert.Equal(Local(12, 7, 9), monday.StartedAt);
        Assert.NotNull(monday.Report);
        Assert.Equal(Local(12, 7, 9), monday.Report!.At);
        Assert.True(monday.Report.Customers > 0);
        var sentMonday = sender.Sent.Count;

        // Tuesday is the configured city holiday; Wednesday runs again and repeats nothing already sent.
        clock.SetUtcNow(Local(12, 8, 9));
        Assert.Equal("holiday", (await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Skipped);
        clock.SetUtcNow(Local(12, 9, 9));
        var wednesday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(Local(12, 9, 9), wednesday.StartedAt);
        Assert.Equal(sender.Sent.Count, sender.Sent.Select(n => n.IdempotencyKey).Distinct().Count());
        Assert.True(sentMonday > 0, "the sandbox base has overdue customers on Monday");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_started_after_the_run_time_catches_up_at_once_then_runs_next_day()
    {
        var clock = new FakeTimeProvider(Local(12, 3, 14)); // Thursday 14:00
        await using var sims = await Simulators.StartAsync(clock);
        using var host = TestHost.Build(ErpOnly(sims, catchUp: true), clock, sender: new RecordingSender());
        var runs = Channel.CreateUnbounded<DunningRunRecord>();
        host.Services.GetRequiredKeyedService<CobrancaTenant>("isp").DunningRunCompleted = r => runs.Writer.TryWrite(r);
        await host.StartAsync();

        var thursday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal((new DateOnly(2026, 12, 3), Local(12, 3, 14)), (thursday.Date, thursday.StartedAt));
        clock.SetUtcNow(Local(12, 4, 9));
        var friday = await runs.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal((new DateOnly(2026, 12, 4), Local(12, 4, 9)), (friday.Date, friday.StartedAt));
        await host.StopAsync();
    }

    [Fact]
    public async Task Pending_unblock_retries_at_start_and_every_interval()
    {
        var clock = new FakeTimeProvider(Local(12, 4, 12));
        await using var sims = await Simulators.StartAsync(clock);
        var config = ErpOnly(sims, catchUp: false);
        config["Cobranca:Tenants:isp:Unblock:RetryPending"] = "true";
        config["Cobranca:Tenants:isp:Unblock:RetryInterval"] = "00:05:00";
        config["Cobranca:Tenants:isp:Dunning:Enabled"] = "false";
        using var host = TestHost.Build(config, clock);
        var passes = Channel.CreateUnbounded<(int Count, DateTimeOffset At)>();
        host.Services.GetRequiredKeyedService<CobrancaTenant>("isp").UnblockRetryCompleted = n => passes.Writer.TryWrite((n, clock.GetUtcNow()));
        await host.StartAsync();

        Assert.Equal((0, Local(12, 4, 12)), await passes.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(passes.Reader.TryRead(out _));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((0, Local(12, 4, 12, 5)), await passes.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("2026-12-04T12:00:00-03:00", "09:00", false, "2026-12-05")]
    [InlineData("2026-12-04T12:00:00-03:00", "09:00", true, "2026-12-04")]
    [InlineData("2026-12-04T08:00:00-03:00", "09:00", false, "2026-12-04")]
    [InlineData("2026-12-04T02:30:00+00:00", "09:00", false, "2026-12-04")] // 23:30 on the 3rd in São Paulo: the 3rd's 09:00 has passed
    [InlineData("2026-12-04T02:30:00+00:00", "09:00", true, "2026-12-03")]
    public void First_run_date_is_computed_in_the_tenant_time_zone(string now, string runAt, bool catchUp, string expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var date = DailyClock.FirstRunDate(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(runAt, System.Globalization.CultureInfo.InvariantCulture), zone, catchUp);
        var want = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, date);
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_moves_forward()
    {
        // São Paulo's last DST start: 2018-11-04 00:00 became 01:00.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var at = DailyClock.At(new DateOnly(2018, 11, 4), new TimeOnly(0, 30), zone);
        Assert.Equal(new DateTimeOffset(2018, 11, 4, 1, 0, 0, TimeSpan.FromHours(-2)), at);
    }

    [Fact]
    public void After_a_clock_jump_the_next_run_is_today_not_every_missed_day()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        Assert.Equal(new DateOnly(2026, 12, 10), DailyClock.NextRunDate(new DateOnly(2026, 12, 1), Local(12, 10, 12), zone));
        Assert.Equal(new DateOnly(2026, 12, 2), DailyClock.NextRunDate(new DateOnly(2026, 12, 1), Local(12, 1, 9, 5), zone));
    }
}
