using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Reconciliation;

namespace RewardAnalytics.Core.Tests.Reconciliation;

/// <summary>One day's reconciliation: the scan's totals against the day's ledger, and the correction that makes them agree.</summary>
public sealed class DayReconciliationTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private static readonly DailyTotals Seed = new(1500m, 750m, 15, 8);

    [Fact]
    public void A_correction_is_the_scan_minus_the_shard_items_whatever_correction_was_there_before()
    {
        var reconciliation = new DayReconciliation(Day, Seed, new DayLedger(new DailyTotals(1400m, 750m, 14, 8), new DailyTotals(50m, 0m, 0, 0), null));

        Assert.False(reconciliation.Matches);
        Assert.Equal(new DailyTotals(50m, 0m, 1, 0), reconciliation.Difference);
        Assert.Equal(new DailyTotals(100m, 0m, 1, 0), reconciliation.Correction);
    }
}
