namespace RewardAnalytics.Core.Metrics;

/// <summary>
/// The stream aggregator's EMF metric names (namespace <c>LoyaltyPlatform/Rewards</c>, one line per invocation): the
/// names the dashboard and the alarms must use.
/// </summary>
public static class AggregatorMetricNames
{
    /// <summary>Records in the invocation's batch.</summary>
    public const string RecordsReceived = "RecordsReceived";
    /// <summary>Records that count toward a day: received minus skipped minus TTL removals.</summary>
    public const string RecordsApplied = "RecordsApplied";
    /// <summary>Records that changed no total (unreadable images, unknown event names); per reason under <see cref="RecordsSkippedByReasonPrefix"/>.</summary>
    public const string RecordsSkipped = "RecordsSkipped";
    /// <summary>REMOVE records made by TTL expiry: history, so no total changes.</summary>
    public const string TtlRemovalsIgnored = "TtlRemovalsIgnored";
    /// <summary>Distinct days the batch touched.</summary>
    public const string DaysTouched = "DaysTouched";
    /// <summary>Conditional writes made to the aggregates table.</summary>
    public const string AggregateWrites = "AggregateWrites";
    /// <summary>Batch item failures reported (0 or 1: the first record not yet applied after a transient write failure; Lambda retries from it).</summary>
    public const string BatchItemFailures = "BatchItemFailures";

    /// <summary>Records redelivered older than their item's applied history: assumed applied, logged, alarmed.</summary>
    public const string RedeliveredBeyondHistory = "RedeliveredBeyondHistory";

    /// <summary>One metric per skip reason: <c>RecordsSkipped_&lt;reason&gt;</c>.</summary>
    public const string RecordsSkippedByReasonPrefix = "RecordsSkipped_";
}
