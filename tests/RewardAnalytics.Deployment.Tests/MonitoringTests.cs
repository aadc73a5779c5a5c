using System.Text.Json;
using RewardAnalytics.Deployment.Monitoring;
using RewardAnalytics.Deployment.Settings;

namespace RewardAnalytics.Deployment.Tests;

public sealed class MonitoringTests
{
    [Fact]
    public void The_stack_alarms_on_errors_lag_given_up_batches_and_a_missed_finalizer_run()
    {
        var alarms = Alarms.For(Config.Settings("prod")).ToDictionary(a => a.Name);

        Assert.Equal(
            ["reward-analytics-prod-aggregator-errors", "reward-analytics-prod-aggregator-iterator-age", "reward-analytics-prod-failed-batches",
             "reward-analytics-prod-finalizer-errors", "reward-analytics-prod-finalizer-missed-run"],
            alarms.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(300_000, alarms["reward-analytics-prod-aggregator-iterator-age"].Threshold);
        Assert.Equal("IteratorAge", alarms["reward-analytics-prod-aggregator-iterator-age"].Metric!.MetricName);
        Assert.Equal(Alarms.EventSourceMappingUuid, alarms["reward-analytics-prod-failed-batches"].Metric!.Dimensions["EventSourceMappingUUID"]);
    }

    [Fact]
    public void The_iterator_age_threshold_is_configurable()
    {
        var alarm = Alarms.For(Config.Settings("dev", (ConfigKeys.IteratorAgeAlarmSeconds, "60"))).Single(a => a.Name.EndsWith("iterator-age", StringComparison.Ordinal));

        Assert.Equal(60_000, alarm.Threshold);
    }

    [Fact]
    public void A_missed_run_is_no_successful_finalizer_run_for_24_hours_plus_the_deadline_hour()
    {
        var alarm = Alarms.For(Config.Settings("dev", (ConfigKeys.FinalizerDeadlineHour, "9"))).Single(a => a.Name.EndsWith("missed-run", StringComparison.Ordinal));

        Assert.Equal((33, 33), (alarm.EvaluationPeriods, alarm.DatapointsToAlarm));
        Assert.Equal(("LessThanThreshold", 1.0, "breaching"), (alarm.ComparisonOperator, alarm.Threshold, alarm.TreatMissingData));
        var result = Assert.Single(alarm.Queries, q => q.ReturnData);
        Assert.Equal("FILL(invocations, 0) - FILL(errors, 0)", result.Expression);
        Assert.All(alarm.Queries.Where(q => q.Metric is not null), q => Assert.Equal(3600, q.Metric!.PeriodSeconds));
        Assert.True(alarm.EvaluationPeriods * 3600 <= 7 * 86400, "CloudWatch evaluates at most 7 days");
    }

    [Fact]
    public void The_dashboard_shows_the_daily_metrics_summed_over_a_day_lag_errors_and_skipped_records()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid")).RootElement;
        var widgets = body.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("properties")).ToList();
        var metrics = widgets.SelectMany(w => w.GetProperty("metrics").EnumerateArray().Select(m => (Widget: w, Metric: m))).ToList();

        foreach (var daily in new[] { "TotalIssuedRewards", "TotalRedeemedRewards", "NetRewards", "IssuedCount", "RedeemedCount" })
        {
            var (widget, metric) = Assert.Single(metrics, m => m.Metric[1].GetString() == daily);
            Assert.Equal(["LoyaltyPlatform/Rewards", daily, "Environment", "prod"], metric.EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(("Sum", 86400), (widget.GetProperty("stat").GetString(), widget.GetProperty("period").GetInt32()));
        }

        Assert.Contains(metrics, m => m.Metric[1].GetString() == "IteratorAge" && m.Metric[3].GetString() == "reward-analytics-prod-stream-aggregator");
        Assert.Equal(2, metrics.Count(m => m.Metric[1].GetString() == "Errors"));
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "RecordsSkipped" && m.Metric[0].GetString() == "LoyaltyPlatform/Rewards");
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "OnFailureDestinationDeliveredEventCount" && m.Metric[3].GetString() == "mapping-uuid");
        Assert.All(widgets, w => Assert.Equal("eu-west-1", w.GetProperty("region").GetString()));
    }

    [Fact]
    public void The_dashboard_url_opens_the_dashboard_in_its_region()
    {
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/reward-analytics-prod",
            DashboardBody.Url("eu-west-1", "reward-analytics-prod"));
    }
}
