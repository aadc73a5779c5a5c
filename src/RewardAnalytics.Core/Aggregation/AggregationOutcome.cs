namespace RewardAnalytics.Core.Aggregation;

/// <summary>What one invocation of the stream aggregator did; <see cref="BatchItemFailures"/> goes back to Lambda.</summary>
public sealed record AggregationOutcome(
    string ShardId,
    int RecordsReceived,
    int RecordsSkipped,
    int TtlRemovals,
    int DaysTouched,
    int Writes,
    int Reads,
    int EntriesAlreadyApplied,
    IReadOnlyList<string> BatchItemFailures)
{
    /// <summary>Entries redelivered older than their item's applied history: assumed applied, logged, counted in a metric.</summary>
    public int EntriesBeyondHistory { get; init; }
}
