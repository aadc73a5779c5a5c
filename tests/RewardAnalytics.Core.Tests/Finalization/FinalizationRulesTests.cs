using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Finalization;

/// <summary>The finalizer's pure rules: the decision, the calendar, the payload, and the settings.</summary>
public sealed class FinalizationRulesTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private static readonly DailyTotals Seed = new(1500m, 750m, 15, 8);

    private const string Namespace = FinalizerSettings.DefaultMetricsNamespace;
    private static readonly Instant FinalizedAt = Instant.FromUtc(2023, 11, 16, 0, 5);

    [Fact]
    public void A_day_without_final_is_created_as_revision_1_publishing_its_totals()
    {
        var plan = DayPlan.Decide(Day, new DayLedger(Seed, null, null), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Created, 1, Seed, Seed, MetricsKind.Totals), plan);
    }

    [Fact]
    public void A_day_whose_totals_equal_final_is_unchanged_and_publishes_nothing()
    {
        var final = new FinalizedDay(Day, Seed, 3, FinalizedAt, new PublishedMetrics(Namespace, Seed));

        Assert.Equal(new DayPlan(Day, DayAction.Unchanged, 3, Seed, DailyTotals.Zero, MetricsKind.Difference), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_changed_day_is_revised_publishing_the_difference_which_may_be_negative()
    {
        var final = new FinalizedDay(Day, Seed, 1, FinalizedAt, new PublishedMetrics(Namespace, Seed));
        var correction = new DailyTotals(-100m, 0m, -1, 0);

        var plan = DayPlan.Decide(Day, new DayLedger(Seed, correction, final), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Revised, 2, Seed + correction, correction, MetricsKind.Difference), plan);
        Assert.Equal(-100m, plan.MetricValues.NetRewards);
    }

    [Fact]
    public void A_day_finalized_outside_lambda_gets_its_whole_totals_published_at_the_same_revision()
    {
        var final = new FinalizedDay(Day, Seed, 2, FinalizedAt, null);

        Assert.Equal(new DayPlan(Day, DayAction.MetricsPublished, 2, Seed, Seed, MetricsKind.Totals), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_day_published_to_another_namespace_gets_its_whole_totals_published_to_this_one()
    {
        var final = new FinalizedDay(Day, Seed, 1, FinalizedAt, new PublishedMetrics(Namespace + "/Shadow", Seed));

        Assert.Equal(new DayPlan(Day, DayAction.MetricsPublished, 1, Seed, Seed, MetricsKind.Totals), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_revision_after_one_finalized_outside_lambda_publishes_what_the_namespace_lacks_not_the_last_difference()
    {
        // Revision 1 reached CloudWatch (1500/750); revision 2 (1600) was made outside Lambda; now the totals are 1650.
        var revision2 = new DailyTotals(1600m, 750m, 16, 8);
        var final = new FinalizedDay(Day, revision2, 2, FinalizedAt, new PublishedMetrics(Namespace, Seed));
        var running = new DailyTotals(1650m, 750m, 17, 8);

        var plan = DayPlan.Decide(Day, new DayLedger(running, null, final), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Revised, 3, running, running - Seed, MetricsKind.Difference), plan);
        Assert.Equal(150m, plan.MetricValues.TotalIssued);
    }

    [Fact]
    public void A_ledger_summed_in_another_zone_is_refused_naming_both_zones_and_one_without_a_zone_is_accepted()
    {
        var newYork = new DayLedger(Seed, null, null) { Zones = new HashSet<string> { "America/New_York" } };
        var unrecorded = new DayLedger(Seed, null, null);

        var refused = Assert.Throws<ReportTimeZoneMismatchException>(() => newYork.InZone(Day, DateTimeZone.Utc));

        Assert.Equal("2023-11-15 was summed in America/New_York but REPORT_TIME_ZONE is UTC: set REPORT_TIME_ZONE=America/New_York", refused.Message);
        Assert.Same(newYork, newYork.InZone(Day, DateTimeZoneProviders.Tzdb["America/New_York"]));
        Assert.Same(unrecorded, unrecorded.InZone(Day, DateTimeZone.Utc));
    }

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

    [Theory]
    [InlineData("", null)]
    [InlineData("{}", null)]
    [InlineData("""{"version":"0","source":"aws.scheduler","detail":{}}""", null)]
    [InlineData("""{"date":null}""", null)]
    [InlineData("[1,2]", null)]
    [InlineData("""{"date":"2023-11-15"}""", "2023-11-15")]
    public void The_payload_names_a_date_or_means_yesterday(string payload, string? expected) =>
        Assert.Equal(expected, FinalizeRequest.ReadDate(System.Text.Encoding.UTF8.GetBytes(payload))?.ToString("yyyy-MM-dd", null));

    [Theory]
    [InlineData("""{"date":"15/11/2023"}""", "\"date\" is \"15/11/2023\": expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"")]
    [InlineData("""{"date":20231115}""", "\"date\" is 20231115: expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"")]
    [InlineData("""{"date":"0001-01-01"}""", "\"date\" is \"0001-01-01\": expected a day a reward can fall on, from 1999-12-31 to 2100-01-01")]
    public void A_date_that_is_not_a_calendar_date_is_refused_not_ignored(string payload, string message) =>
        Assert.Equal(message, Assert.Throws<FinalizationRequestException>(() => FinalizeRequest.ReadDate(System.Text.Encoding.UTF8.GetBytes(payload))).Message);

    [Fact]
    public void A_payload_that_is_not_json_is_refused() =>
        Assert.StartsWith("the payload is not JSON", Assert.Throws<FinalizationRequestException>(() => FinalizeRequest.ReadDate("{date:"u8)).Message, StringComparison.Ordinal);

    [Fact]
    public void Settings_default_to_utc_the_daily_rewards_prefix_and_three_recheck_days()
    {
        var settings = FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "reward-aggregates",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
        }));

        Assert.Equal(("reward-aggregates", "reward-analytics", "UTC", "daily-rewards/", 3, (string?)null),
            (settings.AggregatesTable, settings.AnalyticsBucket, settings.ReportTimeZone.Id, settings.ReportPrefix, settings.RecheckDays, settings.MetricsEnvironment));
        Assert.Equal("daily-rewards/2023-11-15.json", settings.ReportKey(Day));
    }

    [Theory]
    [InlineData(null, "LoyaltyPlatform/Rewards")]
    [InlineData("LoyaltyPlatform/Rewards/Shadow", "LoyaltyPlatform/Rewards/Shadow")]
    [InlineData("Team #1: rewards.v2_x-y", "Team #1: rewards.v2_x-y")]
    public void The_metrics_namespace_defaults_to_the_service_namespace_and_takes_any_cloudwatch_namespace(string? value, string expected)
    {
        var environment = new Dictionary<string, string> { ["AGGREGATES_TABLE"] = "t", ["ANALYTICS_BUCKET"] = "reward-analytics" };
        if (value is not null)
        {
            environment["METRICS_NAMESPACE"] = value;
        }

        Assert.Equal(expected, FinalizerSettings.FromEnvironment(EnvironmentReader.From(environment)).MetricsNamespace);
    }

    [Theory]
    [InlineData("AWS/Lambda", "METRICS_NAMESPACE is 'AWS/Lambda': namespaces starting with 'AWS/' are reserved for AWS services; expected one of the service's own, such as 'LoyaltyPlatform/Rewards'")]
    [InlineData("Rewards|Shadow", "METRICS_NAMESPACE is 'Rewards|Shadow': expected a CloudWatch namespace of 1 to 255 characters (letters, digits, '.', '-', '_', '/', '#', ':' and spaces), such as 'LoyaltyPlatform/Rewards' or 'LoyaltyPlatform/Rewards/Shadow'")]
    public void A_metrics_namespace_cloudwatch_would_refuse_is_refused_at_start_up(string value, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
            ["METRICS_NAMESPACE"] = value,
        })));

        Assert.Equal([problem], error.Problems);
    }

    [Fact]
    public void A_metrics_namespace_longer_than_255_characters_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
            ["METRICS_NAMESPACE"] = new string('a', 256),
        })));

        Assert.StartsWith("METRICS_NAMESPACE is 'aaaa", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_bucket_name_is_reported_with_the_other_problems()
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["ANALYTICS_BUCKET"] = "Reward_Analytics",
            ["RECHECK_DAYS"] = "-1",
        })));

        Assert.Equal(
        [
            "ANALYTICS_BUCKET is 'Reward_Analytics': expected an S3 bucket name (3–63 characters: lower-case letters, digits, '.' and '-')",
            "AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table",
            "RECHECK_DAYS is '-1': expected a whole number from 0 to 31",
        ], error.Problems);
    }

    [Fact]
    public void A_finalize_payload_that_begins_with_a_UTF8_byte_order_mark_is_read_like_one_without()
    {
        Assert.Equal(new LocalDate(2023, 11, 15), FinalizeRequest.ReadDate([0xEF, 0xBB, 0xBF, .. "{\"date\":\"2023-11-15\"}"u8]));
    }

    [Theory]
    [InlineData(1, "metrics not published: ")]
    [InlineData(2, "metrics not re-published: ")]
    public void Metrics_too_old_for_CloudWatch_are_not_published_on_a_first_finalization_and_not_re_published_on_a_revision(int revision, string message)
    {
        using var log = new StringWriter();

        new FinalizerLog(log, TimeProvider.System).MetricsTooOld(Day, revision, Instant.FromUtc(2023, 11, 15, 23, 59));

        Assert.Contains($"\"{message}", log.ToString(), StringComparison.Ordinal);
    }
}

