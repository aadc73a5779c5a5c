using System.Text.Json.Nodes;
using RewardAnalytics.Core.Metrics;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>
/// The CloudWatch dashboard, built as JSON objects: today's running totals and the last seven days (a custom widget
/// backed by the totals API function, which reads the aggregates table), the intraday flow per minute (the aggregator's
/// flow metrics, by processing time), the finalized daily figures (Sum over one day, in the stack's metrics namespace), how far behind the stream the
/// aggregator is, errors, skipped records and batches given up on.
/// </summary>
public static class DashboardBody
{
    /// <summary>A one-day period in seconds (the finalized daily figures).</summary>
    public const int OneDay = 86400;
    /// <summary>A five-minute period in seconds (the aggregator's health).</summary>
    public const int FiveMinutes = 300;

    /// <summary>The finalizer's amount metrics, the names it emits.</summary>
    public static readonly IReadOnlyList<string> DailyAmountMetrics =
        [Core.Finalization.EmfDayMetrics.TotalIssuedRewards, Core.Finalization.EmfDayMetrics.TotalRedeemedRewards, Core.Finalization.EmfDayMetrics.NetRewards];

    /// <summary>The finalizer's count metrics, the names it emits.</summary>
    public static readonly IReadOnlyList<string> DailyCountMetrics = [Core.Finalization.EmfDayMetrics.IssuedCount, Core.Finalization.EmfDayMetrics.RedeemedCount];

    /// <summary>
    /// Records redelivered older than the per-(day, shard) applied-batch history can tell apart: assumed already applied
    /// (and logged with their sequence range). The aggregator emits it; an alarm watches it.
    /// </summary>
    public const string RedeliveredBeyondHistory = AggregatorMetricNames.RedeliveredBeyondHistory;

    /// <summary>The aggregator's EMF metrics the dashboard shows (namespace <c>LoyaltyPlatform/Rewards</c>, <c>Environment</c> dimension).</summary>
    public static readonly IReadOnlyList<string> AggregatorMetrics =
    [
        AggregatorMetricNames.RecordsReceived, AggregatorMetricNames.RecordsSkipped, AggregatorMetricNames.AggregateWrites,
        AggregatorMetricNames.BatchItemFailures, RedeliveredBeyondHistory,
    ];

    /// <summary>One minute in seconds (the intraday flow).</summary>
    public const int OneMinute = 60;

    /// <summary>The aggregator's flow metrics of amounts (what committed writes added, by processing time).</summary>
    public static readonly IReadOnlyList<string> FlowAmountMetrics = [AggregatorMetricNames.IssuedAmountApplied, AggregatorMetricNames.RedeemedAmountApplied];

    /// <summary>The aggregator's flow metrics of counts, and the duplicates the watermark absorbed.</summary>
    public static readonly IReadOnlyList<string> FlowCountMetrics =
        [AggregatorMetricNames.IssuedCountApplied, AggregatorMetricNames.RedeemedCountApplied, AggregatorMetricNames.RecordsApplied, AggregatorMetricNames.RecordsDuplicate];

    /// <summary>The title of the custom widget that shows the running totals.</summary>
    public const string RunningTotalsTitle = "Running totals: today and the last 7 days (totals API; revision once finalized)";

    /// <summary>
    /// The dashboard JSON for a stack in <paramref name="region"/>, its mapping metrics under
    /// <paramref name="eventSourceMappingUuid"/>, its running-totals widget backed by <paramref name="totalsApiFunctionArn"/>.
    /// </summary>
    public static string Build(StackSettings settings, string region, string eventSourceMappingUuid, string totalsApiFunctionArn)
    {
        var names = settings.Names;
        var widgets = new JsonArray
        {
            RunningTotals(0, 0, totalsApiFunctionArn),
            Widget(0, 8, "Intraday flow: amounts applied per minute (Sum, by processing time)", region, "Sum", OneMinute,
                FlowAmountMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(12, 8, "Intraday flow: rewards applied and duplicates absorbed per minute (Sum)", region, "Sum", OneMinute,
                FlowCountMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(0, 14, $"Finalized daily amounts (Sum, 1 day; {settings.MetricsNamespace})", region, "Sum", OneDay,
                DailyAmountMetrics.Select(m => Daily(m, settings))),
            Widget(12, 14, $"Finalized daily counts (Sum, 1 day; {settings.MetricsNamespace})", region, "Sum", OneDay,
                DailyCountMetrics.Select(m => Daily(m, settings))),
            Widget(0, 20, "Aggregator iterator age (ms, Maximum)", region, "Maximum", 60,
                [Lambda("IteratorAge", "FunctionName", names.StreamAggregatorFunction)]),
            Widget(12, 20, "Function errors (Sum)", region, "Sum", FiveMinutes,
            [
                Lambda("Errors", "FunctionName", names.StreamAggregatorFunction),
                Lambda("Errors", "FunctionName", names.DailyFinalizerFunction),
                Lambda("Errors", "FunctionName", names.TotalsApiFunction),
            ]),
            Widget(0, 26, "Stream records: received, skipped, writes, batch item failures, redelivered beyond history (Sum)", region, "Sum", FiveMinutes,
                AggregatorMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(12, 26, "Event source mapping: polled and given up (Sum)", region, "Sum", FiveMinutes,
            [
                Lambda("PolledEventCount", "EventSourceMappingUUID", eventSourceMappingUuid),
                Lambda("OnFailureDestinationDeliveredEventCount", "EventSourceMappingUUID", eventSourceMappingUuid),
            ]),
        };
        return new JsonObject { ["widgets"] = widgets }.ToJsonString();
    }

    /// <summary>The console address of the dashboard.</summary>
    public static string Url(string region, string dashboardName) =>
        $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards/dashboard/{Uri.EscapeDataString(dashboardName)}";

    /// <summary>
    /// A custom widget: CloudWatch invokes <paramref name="functionArn"/> with the viewer's credentials and a
    /// <c>widgetContext</c>, and shows the HTML it returns; refreshed with the dashboard, not on resize or time range.
    /// </summary>
    private static JsonObject RunningTotals(int x, int y, string functionArn) => new()
    {
        ["type"] = "custom",
        ["x"] = x,
        ["y"] = y,
        ["width"] = 24,
        ["height"] = 8,
        ["properties"] = new JsonObject
        {
            ["endpoint"] = functionArn,
            ["title"] = RunningTotalsTitle,
            ["updateOn"] = new JsonObject { ["refresh"] = true, ["resize"] = false, ["timeRange"] = false },
        },
    };

    private static JsonArray Service(string metric, string environment) =>
        [EmfWriter.Namespace, metric, EmfWriter.EnvironmentDimension, environment];

    /// <summary>A finalizer metric: in the stack's metrics namespace (the shadow one during the parallel run with the old job).</summary>
    private static JsonArray Daily(string metric, StackSettings settings) =>
        [settings.MetricsNamespace, metric, EmfWriter.EnvironmentDimension, settings.MetricsEnvironment];

    private static JsonArray Lambda(string metric, string dimension, string value) => [Alarms.LambdaNamespace, metric, dimension, value];

    private static JsonObject Widget(int x, int y, string title, string region, string stat, int period, IEnumerable<JsonArray> metrics) => new()
    {
        ["type"] = "metric",
        ["x"] = x,
        ["y"] = y,
        ["width"] = 12,
        ["height"] = 6,
        ["properties"] = new JsonObject
        {
            ["title"] = title,
            ["region"] = region,
            ["view"] = "timeSeries",
            ["stacked"] = false,
            ["stat"] = stat,
            ["period"] = period,
            ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)m).ToArray()),
        },
    };
}
