namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// A batch's changes folded into day groups, each owning its entries. Dispose it once its groups are written: their
/// pooled entry arrays go back to the pool, and a group read afterwards throws instead of answering from a reused buffer.
/// </summary>
public sealed class FoldedBatch : IDisposable
{
    internal FoldedBatch(IReadOnlyList<DayGroup> days, int ttlRemovals)
    {
        Days = days;
        TtlRemovals = ttlRemovals;
    }

    /// <summary>
    /// The days the batch has entries for, each with its summed delta, in date order. A day whose entries cancel
    /// out is kept: its write still moves the (day, shard) watermark past those records, so a retry from a later
    /// failure point cannot re-apply half of them.
    /// </summary>
    public IReadOnlyList<DayGroup> Days { get; }

    /// <summary>How many records were TTL expiries: history, not corrections (see <see cref="ChangeDelta"/>).</summary>
    public int TtlRemovals { get; }

    /// <summary>Returns every group's pooled entries; a group read afterwards throws.</summary>
    public void Dispose()
    {
        foreach (var day in Days)
        {
            day.ReturnEntries();
        }
    }
}
