using System.Text.Json;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

public sealed class MonitoringTests
{
    [Fact]
    public void The_stack_alarms_on_errors_lag_given_up_batches_and_runs_lost_failure_records_and_a_missed_finalizer_run()
    {
        var alarms = Alarms.For(Config.Settings("prod")).ToDictionary(a => a.Name);

        Assert.Equal(
            ["reward-analytics-prod-aggregator-errors", "reward-analytics-prod-aggregator-iterator-age",
             "reward-analytics-prod-aggregator-redelivered-beyond-history", "reward-analytics-prod-failed-batches",
             "reward-analytics-prod-failure-destination-undelivered", "reward-analytics-prod-finalizer-errors", "reward-analytics-prod-finalizer-given-up",
             "reward-analytics-prod-finalizer-missed-run", "reward-analytics-prod-totals-api-errors"],
            alarms.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(300_000, alarms["reward-analytics-prod-aggregator-iterator-age"].Threshold);
        Assert.Equal("IteratorAge", alarms["reward-analytics-prod-aggregator-iterator-age"].Metric!.MetricName);
        Assert.Equal(Alarms.EventSourceMappingUuid, alarms["reward-analytics-prod-failed-batches"].Metric!.Dimensions["EventSourceMappingUUID"]);
        var totalsApi = alarms["reward-analytics-prod-totals-api-errors"].Metric!;
        Assert.Equal(("Url5xxCount", "reward-analytics-prod-totals-api"), (totalsApi.MetricName, totalsApi.Dimensions["FunctionName"]));
    }

    [Fact]
    public void A_failing_finalizer_run_is_said_to_be_retried_by_lambda_not_by_the_scheduler()
    {
        var alarm = Alarms.For(Config.Settings("prod")).Single(a => a.Name == "reward-analytics-prod-finalizer-errors");

        Assert.Equal(
            "The daily finalizer failed a run: Lambda retries it (asynchronous invocation, up to 2 more times within 3600 s; a run is idempotent). " +
            "If every attempt fails, the finalizer-given-up alarm follows; until then a day's report may be missing or stale.",
            alarm.Description);
        Assert.DoesNotContain("scheduler retries", alarm.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finalizer_run_lambda_gave_up_on_raises_an_alarm_that_says_where_its_record_is_and_what_to_run()
    {
        var alarm = Alarms.For(Config.Settings("prod", (ConfigKeys.ReportTimeZone, "Europe/Berlin"))).Single(a => a.Name == "reward-analytics-prod-finalizer-given-up");

        Assert.Equal(
            "Lambda gave up on a daily finalizer run (retries used up or the event too old) and kept its invocation record in the failed-batches " +
            "bucket under aws/lambda/async/reward-analytics-prod-daily-finalizer/: the report of the day before that run may be missing or stale. " +
            "Fix the cause, then run `reward-analytics finalize --date YYYY-MM-DD` for that day (Europe/Berlin).",
            alarm.Description);
        Assert.Equal(new MetricSpec("AWS/Lambda", "AsyncEventsDropped", alarm.Metric!.Dimensions, "Sum", 300), alarm.Metric);
        Assert.Equal(["FunctionName"], alarm.Metric.Dimensions.Keys);
        Assert.Equal("reward-analytics-prod-daily-finalizer", alarm.Metric.Dimensions["FunctionName"]);
        Assert.Equal(("GreaterThanThreshold", 0.0, "notBreaching"), (alarm.ComparisonOperator, alarm.Threshold, alarm.TreatMissingData));
    }

    [Fact]
    public void A_failure_record_lambda_could_not_deliver_for_either_function_raises_an_alarm()
    {
        var alarm = Alarms.For(Config.Settings("prod")).Single(a => a.Name == "reward-analytics-prod-failure-destination-undelivered");

        var metrics = alarm.Queries.Where(q => q.Metric is not null).Select(q => q.Metric!).ToList();
        Assert.All(metrics, m => Assert.Equal(("AWS/Lambda", "DestinationDeliveryFailures", "Sum"), (m.Namespace, m.MetricName, m.Statistic)));
        Assert.Equal(["reward-analytics-prod-stream-aggregator", "reward-analytics-prod-daily-finalizer"], metrics.Select(m => m.Dimensions["FunctionName"]));
        Assert.Equal("FILL(aggregator, 0) + FILL(finalizer, 0)", Assert.Single(alarm.Queries, q => q.ReturnData).Expression);
        Assert.Equal(("GreaterThanThreshold", 0.0), (alarm.ComparisonOperator, alarm.Threshold));
    }

    [Fact]
    public void Records_redelivered_beyond_the_applied_batch_history_raise_an_alarm_that_says_how_to_recover()
    {
        var alarm = Alarms.For(Config.Settings("prod", (ConfigKeys.MetricsEnvironment, "production")))
            .Single(a => a.Name == "reward-analytics-prod-aggregator-redelivered-beyond-history");

        Assert.Equal(
            "Stream records were redelivered older than the per-(day, shard) applied-batch history can tell apart: they were assumed already applied. " +
            "If some were not, the day's totals are low: run `reward-analytics reconcile --fix` for the day named in the log line. " +
            "A fix waits for the day to end, and a day the stream is still changing is refused by name (exit 1): run it again for that day.",
            alarm.Description);
        var metric = alarm.Metric!;
        Assert.Equal(("LoyaltyPlatform/Rewards", "RedeliveredBeyondHistory", "Sum", 300), (metric.Namespace, metric.MetricName, metric.Statistic, metric.PeriodSeconds));
        Assert.Equal(new Dictionary<string, string> { ["Environment"] = "production" }, metric.Dimensions);
        Assert.Equal(("GreaterThanThreshold", 0.0, 1, "notBreaching"), (alarm.ComparisonOperator, alarm.Threshold, alarm.EvaluationPeriods, alarm.TreatMissingData));
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
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;
        var widgets = body.GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric").Select(w => w.GetProperty("properties")).ToList();
        var metrics = widgets.SelectMany(w => w.GetProperty("metrics").EnumerateArray().Select(m => (Widget: w, Metric: m))).ToList();

        foreach (var daily in new[] { "TotalIssuedRewards", "TotalRedeemedRewards", "NetRewards", "IssuedCount", "RedeemedCount" })
        {
            var (widget, metric) = Assert.Single(metrics, m => m.Metric[1].GetString() == daily);
            Assert.Equal(["LoyaltyPlatform/Rewards", daily, "Environment", "prod"], metric.EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(("Sum", 86400), (widget.GetProperty("stat").GetString(), widget.GetProperty("period").GetInt32()));
        }

        Assert.Contains(metrics, m => m.Metric[1].GetString() == "IteratorAge" && m.Metric[3].GetString() == "reward-analytics-prod-stream-aggregator");
        Assert.Equal(
            ["reward-analytics-prod-stream-aggregator", "reward-analytics-prod-daily-finalizer", "reward-analytics-prod-totals-api"],
            metrics.Where(m => m.Metric[1].GetString() == "Errors").Select(m => m.Metric[3].GetString()));
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "RecordsSkipped" && m.Metric[0].GetString() == "LoyaltyPlatform/Rewards");
        var (aggregatorWidget, redelivered) = Assert.Single(metrics, m => m.Metric[1].GetString() == "RedeliveredBeyondHistory");
        Assert.Equal(["LoyaltyPlatform/Rewards", "RedeliveredBeyondHistory", "Environment", "prod"], redelivered.EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(aggregatorWidget.GetProperty("metrics").EnumerateArray(), m => m[1].GetString() == "RecordsSkipped");
        Assert.Contains(metrics, m => m.Metric[1].GetString() == "OnFailureDestinationDeliveredEventCount" && m.Metric[3].GetString() == "mapping-uuid");
        Assert.All(widgets, w => Assert.Equal("eu-west-1", w.GetProperty("region").GetString()));
    }

    private const string TotalsApiArn = "arn:aws:lambda:eu-west-1:123456789012:function:reward-analytics-prod-totals-api";

    [Fact]
    public void The_dashboard_opens_with_the_running_totals_widget_backed_by_the_totals_API_function()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;

        var widget = body.GetProperty("widgets")[0];
        Assert.Equal(("custom", 0, 0, 24), (widget.GetProperty("type").GetString(), widget.GetProperty("x").GetInt32(), widget.GetProperty("y").GetInt32(), widget.GetProperty("width").GetInt32()));
        var properties = widget.GetProperty("properties");
        Assert.Equal(TotalsApiArn, properties.GetProperty("endpoint").GetString());
        Assert.Equal("""{"refresh":true,"resize":false,"timeRange":false}""", properties.GetProperty("updateOn").GetRawText());
    }

    [Fact]
    public void The_dashboard_charts_the_intraday_flow_per_minute_by_processing_time()
    {
        var body = JsonDocument.Parse(DashboardBody.Build(Config.Settings("prod"), "eu-west-1", "mapping-uuid", TotalsApiArn)).RootElement;
        var flow = body.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("properties"))
            .Where(p => p.TryGetProperty("title", out var t) && t.GetString()!.StartsWith("Intraday flow", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, flow.Count);
        Assert.All(flow, w => Assert.Equal(("Sum", 60), (w.GetProperty("stat").GetString(), w.GetProperty("period").GetInt32())));
        Assert.Equal(
            ["IssuedAmountApplied", "RedeemedAmountApplied", "IssuedCountApplied", "RedeemedCountApplied", "RecordsApplied", "RecordsDuplicate"],
            flow.SelectMany(w => w.GetProperty("metrics").EnumerateArray().Select(m => m[1].GetString())));
    }

    [Fact]
    public void The_dashboard_url_opens_the_dashboard_in_its_region()
    {
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/reward-analytics-prod",
            DashboardBody.Url("eu-west-1", "reward-analytics-prod"));
    }
}
