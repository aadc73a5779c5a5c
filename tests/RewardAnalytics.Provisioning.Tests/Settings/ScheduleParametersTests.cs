using System.Globalization;
using NodaTime;
using RewardAnalytics.Provisioning.Settings;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Provisioning.Tests.Settings;

/// <summary>
/// The finalizer's schedules. EventBridge Scheduler skips a run whose local time does not exist. For every zone the
/// stack accepts (every id of the embedded TZDB, the one <c>reportTimeZone</c> is validated against) and every day of
/// the next two decades, some run of the finalizer's schedules happens on the next local day before the finalizer
/// deadline: the day is finalized by the morning after (the run finalizes "yesterday", the local day before its own).
/// </summary>
public sealed class ScheduleParametersTests(ITestOutputHelper output)
{
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly LocalDate Last = new(2045, 12, 31);

    [Fact]
    public void Every_day_in_every_accepted_zone_gets_a_finalizer_run_by_the_morning_after()
    {
        var deadline = new LocalTime(AlarmSettings.DefaultFinalizerDeadlineHour, 0);
        var zones = DateTimeZoneProviders.Tzdb.Ids;
        var missed = new List<string>();
        long days = 0, firstRunSkipped = 0;
        var skippedZones = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in zones)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            for (var day = First; day <= Last; day = day.PlusDays(1))
            {
                days++;
                var next = day.PlusDays(1);
                if (!Exists(zone, next + ScheduleParameters.FirstRun))
                {
                    firstRunSkipped++;
                    skippedZones.Add(id);
                }

                if (!ScheduleParameters.RunTimes.Any(time => time < deadline && Exists(zone, next + time)))
                {
                    missed.Add($"{id} {day}");
                }
            }
        }

        Figures.Print(output, $"schedule_coverage tzdb={NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.TzdbVersion} zones={zones.Count} " +
                              $"days_walked={days} from={First.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} " +
                              $"to={Last.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} first_run_skipped={firstRunSkipped} " +
                              $"zones_with_skips={skippedZones.Count} days_without_a_run={missed.Count}");
        output.WriteLine("zones whose 00:05 run is skipped at least once: " + string.Join(", ", skippedZones));
        Assert.Empty(missed.Take(20));
        Assert.Contains("Africa/Cairo", skippedZones);
    }

    [Fact]
    public void A_single_run_at_five_past_midnight_would_skip_a_day_in_the_zones_the_issue_names()
    {
        foreach (var (id, night) in new[]
                 {
                     ("Africa/Cairo", new LocalDate(2025, 4, 25)), ("America/Havana", new LocalDate(2025, 3, 9)),
                     ("America/Santiago", new LocalDate(2025, 9, 7)), ("Asia/Beirut", new LocalDate(2025, 3, 30)),
                     ("Atlantic/Azores", new LocalDate(2025, 3, 30)),
                 })
        {
            var zone = DateTimeZoneProviders.Tzdb[id];

            Assert.False(Exists(zone, night + ScheduleParameters.FirstRun), $"{id}: 00:05 on {night} exists");
            Assert.True(Exists(zone, night + ScheduleParameters.MorningRun), $"{id}: 04:05 on {night} does not exist");
        }
    }

    [Fact]
    public void The_deployed_cron_expressions_are_the_run_times_walked_here()
    {
        Assert.Equal(ScheduleParameters.Expression, ScheduleParameters.CronAt(ScheduleParameters.FirstRun));
        Assert.Equal(ScheduleParameters.MorningExpression, ScheduleParameters.CronAt(ScheduleParameters.MorningRun));
        Assert.Equal([ScheduleParameters.FirstRun, ScheduleParameters.MorningRun], ScheduleParameters.RunTimes);
        Assert.Equal("cron(5 4 * * ? *)", ScheduleParameters.MorningExpression);

        var program = File.ReadAllText(Path.Combine(Repository.Root, "pulumi", "FunctionResources.cs"));
        Assert.Contains("ScheduleParameters.Expression, settings,", program, StringComparison.Ordinal);
        Assert.Contains("ScheduleParameters.MorningExpression, settings,", program, StringComparison.Ordinal);
        Assert.Contains("ScheduleExpressionTimezone = settings.Schedule.TimeZone,", program, StringComparison.Ordinal);
    }

    /// <summary>A local time exists when it maps to at least one instant (a gap maps to none; an overlap to two).</summary>
    private static bool Exists(DateTimeZone zone, LocalDateTime local) => zone.MapLocal(local).Count > 0;

    [Fact]
    public void The_finalizer_runs_at_five_past_midnight_in_the_report_time_zone_with_no_flexible_window()
    {
        var schedule = Config.Settings("prod", (ConfigKeys.ReportTimeZone, "America/New_York")).Schedule;

        Assert.Equal("cron(5 0 * * ? *)", ScheduleParameters.Expression);
        Assert.Equal("America/New_York", schedule.TimeZone);
        Assert.Equal("OFF", ScheduleParameters.FlexibleTimeWindowMode);
        Assert.Equal("ENABLED", ScheduleParameters.State);
        Assert.Equal("{}", ScheduleParameters.Input);
        Assert.Equal((5, 3600), (schedule.MaximumRetryAttempts, schedule.MaximumEventAgeSeconds));
    }

    [Fact]
    public void The_schedule_uses_utc_when_no_time_zone_is_set()
    {
        Assert.Equal("UTC", Config.Settings().Schedule.TimeZone);
    }
}
