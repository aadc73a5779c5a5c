using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Settings;

public sealed class ScheduleParametersTests
{
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
