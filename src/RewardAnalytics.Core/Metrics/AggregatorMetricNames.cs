namespace RewardAnalytics.Core.Metrics;

/// <summary>
/// The stream aggregator's EMF metric names (namespace <c>LoyaltyPlatform/Rewards</c>, one line per invocation): the
/// names the dashboard and the alarms must use.
/// </summary>
public static class AggregatorMetricNames
{
    public const string RecordsReceived = "RecordsReceived";
    public const string RecordsApplied = "RecordsApplied";
    public const string RecordsSkipped = "RecordsSkipped";
    public const string TtlRemovalsIgnored = "TtlRemovalsIgnored";
    public const string DaysTouched = "DaysTouched";
    public const string AggregateWrites = "AggregateWrites";
    public const string BatchItemFailures = "BatchItemFailures";

    /// <summary>Records redelivered older than their item's applied history: assumed applied, logged, alarmed.</summary>
    public const string RedeliveredBeyondHistory = "RedeliveredBeyondHistory";

    /// <summary>One metric per skip reason: <c>RecordsSkipped_&lt;reason&gt;</c>.</summary>
    public const string RecordsSkippedByReasonPrefix = "RecordsSkipped_";
}
