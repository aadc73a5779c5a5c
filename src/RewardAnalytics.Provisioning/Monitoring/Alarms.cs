using RewardAnalytics.Core.Metrics;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>
/// The stack's alarms: the aggregator failing or falling behind, batches given up on, the finalizer failing, given up on
/// or not running, a failure record that could not be kept, and the totals API answering 5xx.
/// </summary>
public static class Alarms
{
    /// <summary>Namespace of Lambda's own function and event source mapping metrics.</summary>
    public const string LambdaNamespace = "AWS/Lambda";
    /// <summary>Placeholder for the event source mapping's UUID in a dimension value; the program substitutes it once the mapping exists.</summary>
    public const string EventSourceMappingUuid = "${eventSourceMappingUuid}";
    private const int FiveMinutes = 300;
    private const int OneHour = 3600;

    /// <summary>The stack's alarms, thresholds and names taken from <paramref name="settings"/>.</summary>
    public static IReadOnlyList<AlarmDefinition> For(StackSettings settings)
    {
        var names = settings.Names;
        var aggregator = Function(names.StreamAggregatorFunction);
        var finalizer = Function(names.DailyFinalizerFunction);
        var totalsApi = Function(names.TotalsApiFunction);
        var window = 24 + settings.Alarms.FinalizerDeadlineHour;
        var invoke = settings.FinalizerInvoke;
        var failedRuns = FinalizerInvokeParameters.FailureRecordPrefix(names.DailyFinalizerFunction);
        return
        [
            new AlarmDefinition
            {
                Name = names.Alarm("aggregator-errors"),
                Description = "The stream aggregator failed invocations: Lambda retries the batch; if it keeps failing it goes to the failed-batches bucket.",
                Metric = new MetricSpec(LambdaNamespace, "Errors", aggregator, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("aggregator-iterator-age"),
                Description = $"The stream aggregator is more than {settings.Alarms.IteratorAgeAlarmSeconds} s behind the rewards stream: running totals are stale.",
                Metric = new MetricSpec(LambdaNamespace, "IteratorAge", aggregator, "Maximum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = settings.Alarms.IteratorAgeAlarmSeconds * 1000.0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("aggregator-redelivered-beyond-history"),
                Description = "Stream records were redelivered older than the per-(day, shard) applied-batch history can tell apart: they were assumed " +
                              "already applied. If some were not, the day's totals are low: run `reward-analytics reconcile --fix` for the day named in the log line. " +
                              "A fix waits for the day to end, and a day the stream is still changing is refused by name (exit 1): run it again for that day.",
                Metric = new MetricSpec(EmfWriter.Namespace, DashboardBody.RedeliveredBeyondHistory,
                    new Dictionary<string, string> { [EmfWriter.EnvironmentDimension] = settings.MetricsEnvironment }, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("failed-batches"),
                Description = "Lambda gave up on a stream batch and wrote it to the failed-batches bucket: those records are not in the totals. " +
                              "Run `reward-analytics reconcile --fix` for the days the batch touches once they have ended; a day the stream is still changing " +
                              "is refused by name (exit 1, nothing written for it): run it again for that day.",
                Metric = new MetricSpec(LambdaNamespace, "OnFailureDestinationDeliveredEventCount",
                    new Dictionary<string, string> { ["EventSourceMappingUUID"] = EventSourceMappingUuid }, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("totals-api-errors"),
                Description = "The totals API answered requests with 5xx (the aggregates table could not be read, the function failed or was " +
                              "throttled): callers got no totals. The function's log has the cause; the running totals themselves are not affected.",
                Metric = new MetricSpec(LambdaNamespace, "Url5xxCount", totalsApi, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("finalizer-errors"),
                Description = $"The daily finalizer failed a run: Lambda retries it (asynchronous invocation, up to {invoke.MaximumRetryAttempts} more times " +
                              $"within {invoke.MaximumEventAgeSeconds} s; a run is idempotent). If every attempt fails, the finalizer-given-up alarm follows; " +
                              "until then a day's report may be missing or stale.",
                Metric = new MetricSpec(LambdaNamespace, "Errors", finalizer, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("finalizer-given-up"),
                Description = "Lambda gave up on a daily finalizer run (retries used up or the event too old) and kept its invocation record " +
                              $"in the failed-batches bucket under {failedRuns}: the report of the day before that run may be missing or stale. " +
                              $"Fix the cause, then run `reward-analytics finalize --date YYYY-MM-DD` for that day ({settings.ReportTimeZone}).",
                Metric = new MetricSpec(LambdaNamespace, "AsyncEventsDropped", finalizer, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("failure-destination-undelivered"),
                Description = "Lambda could not write a failed stream batch or a failed finalizer run to the failed-batches bucket (permissions, " +
                              "a missing bucket, size): that record is lost. Check the functions' roles and the bucket; then run " +
                              "`reward-analytics reconcile --fix` for the days around the failure (rerun it for a day it refuses by name), or " +
                              "`reward-analytics finalize --date <day>`.",
                Queries =
                [
                    new MetricQuerySpec("aggregator", new MetricSpec(LambdaNamespace, "DestinationDeliveryFailures", aggregator, "Sum", FiveMinutes)),
                    new MetricQuerySpec("finalizer", new MetricSpec(LambdaNamespace, "DestinationDeliveryFailures", finalizer, "Sum", FiveMinutes)),
                    new MetricQuerySpec("undelivered", Expression: "FILL(aggregator, 0) + FILL(finalizer, 0)", Label: "Failure records not delivered", ReturnData: true),
                ],
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                // A day's run is at 00:05; the one before it 24 hours earlier. No successful run in the last 24 + H hours
                // means today's report was not written by H o'clock (in any time zone: the window is relative).
                Name = names.Alarm("finalizer-missed-run"),
                Description = $"The daily finalizer has not completed a run in {window} hours: yesterday's report was not written by " +
                              $"{settings.Alarms.FinalizerDeadlineHour:00}:00 {settings.ReportTimeZone}. Run it by hand for the missing date.",
                Queries =
                [
                    new MetricQuerySpec("invocations", new MetricSpec(LambdaNamespace, "Invocations", finalizer, "Sum", OneHour)),
                    new MetricQuerySpec("errors", new MetricSpec(LambdaNamespace, "Errors", finalizer, "Sum", OneHour)),
                    new MetricQuerySpec("succeeded", Expression: "FILL(invocations, 0) - FILL(errors, 0)", Label: "Successful finalizer runs", ReturnData: true),
                ],
                ComparisonOperator = AlarmDefinition.LessThanThreshold,
                Threshold = 1,
                EvaluationPeriods = window,
                DatapointsToAlarm = window,
                TreatMissingData = AlarmDefinition.Breaching,
            },
        ];
    }

    private static Dictionary<string, string> Function(string functionName) => new() { ["FunctionName"] = functionName };
}
