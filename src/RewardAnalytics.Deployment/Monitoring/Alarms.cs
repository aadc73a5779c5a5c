using RewardAnalytics.Deployment.Settings;

namespace RewardAnalytics.Deployment.Monitoring;

/// <summary>The stack's alarms: the aggregator failing or falling behind, batches given up on, the finalizer failing or not running.</summary>
public static class Alarms
{
    public const string LambdaNamespace = "AWS/Lambda";
    public const string EventSourceMappingUuid = "${eventSourceMappingUuid}";
    private const int FiveMinutes = 300;
    private const int OneHour = 3600;

    public static IReadOnlyList<AlarmDefinition> For(StackSettings settings)
    {
        var names = settings.Names;
        var aggregator = Function(names.StreamAggregatorFunction);
        var finalizer = Function(names.DailyFinalizerFunction);
        var window = 24 + settings.Alarms.FinalizerDeadlineHour;
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
                Name = names.Alarm("failed-batches"),
                Description = "Lambda gave up on a stream batch and wrote it to the failed-batches bucket: those records are not in the totals. " +
                              "Run `reward-analytics reconcile --fix` for the days the batch touches.",
                Metric = new MetricSpec(LambdaNamespace, "OnFailureDestinationDeliveredEventCount",
                    new Dictionary<string, string> { ["EventSourceMappingUUID"] = EventSourceMappingUuid }, "Sum", FiveMinutes),
                ComparisonOperator = AlarmDefinition.GreaterThanThreshold,
                Threshold = 0,
                TreatMissingData = AlarmDefinition.NotBreaching,
            },
            new AlarmDefinition
            {
                Name = names.Alarm("finalizer-errors"),
                Description = "The daily finalizer failed: the scheduler retries it; a day's report may be missing or stale.",
                Metric = new MetricSpec(LambdaNamespace, "Errors", finalizer, "Sum", FiveMinutes),
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
