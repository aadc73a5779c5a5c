using NodaTime;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>One day of a reconcile: the scan's ground truth against the day's running totals.</summary>
public sealed record DayReconciliation(LocalDate Date, DailyTotals GroundTruth, DayLedger Ledger)
{
    public DailyTotals RunningTotals => Ledger.RunningTotals;

    /// <summary>Ground truth minus running totals: what the totals are missing (negative: what they count too much).</summary>
    public DailyTotals Difference => GroundTruth - RunningTotals;

    public bool Matches => Difference.IsZero;

    /// <summary>The correction item that makes the running totals equal the ground truth: scan minus shard items.</summary>
    public DailyTotals Correction => GroundTruth - Ledger.ShardTotals;
}
