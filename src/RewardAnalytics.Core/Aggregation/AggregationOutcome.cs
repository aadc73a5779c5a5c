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

    /// <summary>Changes to the totals this invocation's committed writes applied (a MODIFY that moves a reward's day counts once per day).</summary>
    public int ChangesApplied { get; init; }

    /// <summary>Changes found already applied by an earlier delivery (or older than the applied history, so assumed applied): absorbed, not counted again.</summary>
    public int ChangesDuplicate { get; init; }

    /// <summary>What the committed writes added to the totals, summed over the days they touched: the flow metrics.</summary>
    public DailyTotals AppliedDelta { get; init; }
}
