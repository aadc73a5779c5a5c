namespace RewardAnalytics.Core.Metrics;

/// <summary>
/// The stream aggregator's EMF metric names (namespace <c>LoyaltyPlatform/Rewards</c>, one line per invocation): the
/// names the dashboard and the alarms must use.
/// </summary>
public static class AggregatorMetricNames
{
    /// <summary>Records in the invocation's batch.</summary>
    public const string RecordsReceived = "RecordsReceived";
    /// <summary>
    /// Changes to the totals this invocation's committed writes applied for the first time (TTL removals, skipped records,
    /// redelivered duplicates and writes that failed left out; a MODIFY that moves a reward's day counts once per day).
    /// </summary>
    public const string RecordsApplied = "RecordsApplied";
    /// <summary>Changes redelivered after an earlier delivery applied them (or older than the applied history): absorbed by the watermark, not counted again.</summary>
    public const string RecordsDuplicate = "RecordsDuplicate";
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

    /// <summary>Flow: net issued amount this invocation's committed writes added (processing time; negative when removals outweigh).</summary>
    public const string IssuedAmountApplied = "IssuedAmountApplied";
    /// <summary>Flow: net redeemed amount this invocation's committed writes added.</summary>
    public const string RedeemedAmountApplied = "RedeemedAmountApplied";
    /// <summary>Flow: net number of issued rewards this invocation's committed writes added.</summary>
    public const string IssuedCountApplied = "IssuedCountApplied";
    /// <summary>Flow: net number of redeemed rewards this invocation's committed writes added.</summary>
    public const string RedeemedCountApplied = "RedeemedCountApplied";

    /// <summary>One metric per skip reason: <c>RecordsSkipped_&lt;reason&gt;</c>.</summary>
    public const string RecordsSkippedByReasonPrefix = "RecordsSkipped_";
}
