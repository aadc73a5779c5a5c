using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Monitoring;

public sealed class AlarmsTests
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
}
