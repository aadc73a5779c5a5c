using System.Text.Json.Nodes;
using RewardAnalytics.Core.Metrics;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>
/// The CloudWatch dashboard, built as JSON objects. Running totals live in the aggregates table, so the dashboard shows
/// what only metrics can: the finalized daily figures (Sum over one day), how far behind the stream the aggregator is,
/// errors, skipped records and batches given up on.
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

    /// <summary>The dashboard JSON for a stack in <paramref name="region"/>, its mapping metrics under <paramref name="eventSourceMappingUuid"/>.</summary>
    public static string Build(StackSettings settings, string region, string eventSourceMappingUuid)
    {
        var names = settings.Names;
        var widgets = new JsonArray
        {
            Widget(0, 0, "Finalized daily amounts (Sum, 1 day)", region, "Sum", OneDay,
                DailyAmountMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(12, 0, "Finalized daily counts (Sum, 1 day)", region, "Sum", OneDay,
                DailyCountMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(0, 6, "Aggregator iterator age (ms, Maximum)", region, "Maximum", 60,
                [Lambda("IteratorAge", "FunctionName", names.StreamAggregatorFunction)]),
            Widget(12, 6, "Function errors (Sum)", region, "Sum", FiveMinutes,
            [
                Lambda("Errors", "FunctionName", names.StreamAggregatorFunction),
                Lambda("Errors", "FunctionName", names.DailyFinalizerFunction),
            ]),
            Widget(0, 12, "Stream records: received, skipped, writes, batch item failures, redelivered beyond history (Sum)", region, "Sum", FiveMinutes,
                AggregatorMetrics.Select(m => Service(m, settings.MetricsEnvironment))),
            Widget(12, 12, "Event source mapping: polled and given up (Sum)", region, "Sum", FiveMinutes,
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

    private static JsonArray Service(string metric, string environment) =>
        [EmfWriter.Namespace, metric, EmfWriter.EnvironmentDimension, environment];

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
