namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// What one watermark-guarded write did: requests made (updates and consistent reads), how many of the group's
/// entries it applied, how many it found already applied by an earlier delivery, and how many were older than the
/// item's applied history can tell apart (assumed applied; <see cref="BeyondHistory"/> is their sequence range).
/// </summary>
public readonly record struct WatermarkWrite(
    int Writes, int Reads, int EntriesApplied, int EntriesAlreadyApplied, int EntriesBeyondHistory = 0, SequenceRange? BeyondHistory = null)
{
    /// <summary>The change to the totals the committed write added (zero when nothing was left to apply): the flow metrics' source.</summary>
    public DailyTotals AppliedDelta { get; init; }

    /// <summary>How many of the committed entries were changes to the totals (TTL expiries left out): <c>RecordsApplied</c>.</summary>
    public int ChangesApplied { get; init; }

    /// <summary>This result with <paramref name="applied"/> as what the committed write added.</summary>
    public WatermarkWrite Committing(DayGroup applied) => this with { AppliedDelta = applied.Delta, ChangesApplied = applied.ChangeCount };

    /// <summary>The result of a write that read the item's history first.</summary>
    public static WatermarkWrite AfterRead(int writes, int reads, int applied, HistoryOverlap overlap) => new(
        writes, reads, applied, overlap.Applied, overlap.BeyondHistory,
        overlap is { BeyondFirst: { } first, BeyondLast: { } last } ? new SequenceRange(first, last) : null);
}
