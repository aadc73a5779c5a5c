using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Finalization;

/// <summary>The finalizer's calendar: the target day, the rechecked days, and when metrics are stamped and accepted.</summary>
public sealed class FinalizationCalendarTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    [Fact]
    public void Without_a_date_the_target_is_yesterday_in_the_report_zone_not_in_utc()
    {
        var kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
        var now = Instant.FromUtc(2023, 11, 15, 18, 35); // 00:05 on the 16th in Kolkata, still the 15th in UTC

        Assert.Equal(Day, FinalizationCalendar.ResolveTarget(null, now, kolkata));
        Assert.Equal(Day.PlusDays(-1), FinalizationCalendar.ResolveTarget(null, now, DateTimeZone.Utc));
    }

    [Fact]
    public void Today_and_future_days_are_refused_naming_the_zone_and_today()
    {
        var now = Instant.FromUtc(2023, 11, 15, 9, 0);

        var today = Assert.Throws<FinalizationRequestException>(() => FinalizationCalendar.ResolveTarget(Day, now, DateTimeZone.Utc));
        var future = Assert.Throws<FinalizationRequestException>(() => FinalizationCalendar.ResolveTarget(Day.PlusDays(2), now, DateTimeZone.Utc));

        Assert.Equal("2023-11-15 is today in UTC (today is 2023-11-15): only a day that has ended can be finalized", today.Message);
        Assert.Equal("2023-11-17 is in the future in UTC (today is 2023-11-15): only a day that has ended can be finalized", future.Message);
    }

    [Fact]
    public void The_target_day_comes_first_then_the_rechecked_days_newest_first() =>
        Assert.Equal([Day, Day.PlusDays(-1), Day.PlusDays(-2), Day.PlusDays(-3)], FinalizationCalendar.DaysToCheck(Day, 3));

    [Theory]
    [InlineData("1999-12-31", 3, new[] { "1999-12-31" })]
    [InlineData("2000-01-01", 3, new[] { "2000-01-01", "1999-12-31" })]
    [InlineData("2000-01-02", 31, new[] { "2000-01-02", "2000-01-01", "1999-12-31" })]
    public void The_rechecked_days_stop_at_the_first_day_a_reward_can_fall_on(string target, int recheckDays, string[] expected)
    {
        var days = FinalizationCalendar.DaysToCheck(LocalDatePattern.Iso.Parse(target).Value, recheckDays);

        Assert.Equal(expected, days.Select(IsoDate.Format));
        Assert.All(days, day => Assert.True(CreatedAt.IsRewardDay(day), $"{day} is outside {CreatedAt.RewardDayRange}"));
    }

    [Theory]
    [InlineData("America/New_York", 2024, 3, 10, "2024-03-10T16:00:00Z")]
    [InlineData("America/New_York", 2024, 11, 3, "2024-11-03T17:00:00Z")]
    [InlineData("Asia/Kolkata", 2023, 11, 15, "2023-11-15T06:30:00Z")]
    [InlineData("UTC", 2023, 11, 15, "2023-11-15T12:00:00Z")]
    public void Metrics_are_stamped_at_local_noon_even_on_23_and_25_hour_days(string zone, int y, int m, int d, string expected) =>
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expected).Value,
            FinalizationCalendar.MetricsTimestamp(new LocalDate(y, m, d), DateTimeZoneProviders.Tzdb[zone]));

    [Fact]
    public void Metrics_are_accepted_up_to_14_days_back_less_a_safety_hour()
    {
        var noon = Instant.FromUtc(2023, 11, 15, 12, 0);

        Assert.True(FinalizationCalendar.MetricsAccepted(noon, noon + Duration.FromDays(14) - Duration.FromHours(2)));
        Assert.False(FinalizationCalendar.MetricsAccepted(noon, noon + Duration.FromDays(14) - Duration.FromHours(1)));
        Assert.False(FinalizationCalendar.MetricsAccepted(noon, noon + Duration.FromDays(15)));
    }
}
