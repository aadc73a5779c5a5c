using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// One day of a reconcile: the ground truth against the day's running totals. The ground truth is the scan plus what
/// TTL expiries removed from the table (the aggregator tallies those apart), since an expiry is history, not a correction.
/// </summary>
public sealed record DayReconciliation(LocalDate Date, DailyTotals Scanned, DayLedger Ledger)
{
    /// <summary>A day whose aggregates items cannot be read: an error for that day alone, never compared or fixed.</summary>
    public static DayReconciliation Unreadable(LocalDate date, DailyTotals scanned, UnreadableDayException error) =>
        new(date, scanned, new DayLedger(DailyTotals.Zero, null, null)) { Error = error.Message };

    /// <summary>Why the day's running totals could not be read (null when they were).</summary>
    public string? Error { get; init; }

    /// <summary>What the running totals should be: the rewards still in the table plus those TTL expired.</summary>
    public DailyTotals GroundTruth => Scanned + Ledger.Expired;

    /// <summary>The day's running totals as the aggregates table holds them (shard items plus correction).</summary>
    public DailyTotals RunningTotals => Ledger.RunningTotals;

    /// <summary>Ground truth minus running totals: what the totals are missing (negative: what they count too much).</summary>
    public DailyTotals Difference => GroundTruth - RunningTotals;

    /// <summary>True when the running totals equal the ground truth.</summary>
    public bool Matches => Error is null && Difference.IsZero;

    /// <summary>The correction item that makes the running totals equal the ground truth: ground truth minus shard items.</summary>
    public DailyTotals Correction => GroundTruth - Ledger.ShardTotals;
}
