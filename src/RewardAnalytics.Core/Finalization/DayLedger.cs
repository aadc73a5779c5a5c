namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// Everything one consistent query of a day's items returns: the sum of its shard items, its reconcile correction
/// (if any), and its <c>FINAL</c> item (if the day was finalized).
/// </summary>
public sealed record DayLedger(DailyTotals ShardTotals, DailyTotals? Correction, FinalizedDay? Final)
{
    /// <summary>What TTL expiries removed from the rewards table for this day (counted in the totals, gone from a scan).</summary>
    public DailyTotals Expired { get; init; }

    /// <summary>The running totals: every shard item plus the correction (the same figure <c>totals</c> prints).</summary>
    public DailyTotals RunningTotals => ShardTotals + (Correction ?? DailyTotals.Zero);
}
