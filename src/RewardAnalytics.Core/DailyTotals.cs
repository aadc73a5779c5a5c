using System.Globalization;

namespace RewardAnalytics.Core;

/// <summary>Exact sums and counts of one day (or the change to them one stream record makes).</summary>
public readonly record struct DailyTotals(decimal TotalIssued, decimal TotalRedeemed, long IssuedCount, long RedeemedCount)
{
    /// <summary>No rewards: all sums and counts zero.</summary>
    public static DailyTotals Zero => default;

    /// <summary>Issued minus redeemed amount.</summary>
    public decimal NetRewards => TotalIssued - TotalRedeemed;

    /// <summary>True when every sum and count is zero (a reconcile match, an unchanged day).</summary>
    public bool IsZero => TotalIssued == 0m && TotalRedeemed == 0m && IssuedCount == 0 && RedeemedCount == 0;

    /// <summary>What one reward adds to its day.</summary>
    public static DailyTotals Of(RewardKind kind, decimal amount) => kind == RewardKind.Issued
        ? new DailyTotals(amount, 0m, 1, 0)
        : new DailyTotals(0m, amount, 0, 1);

    /// <summary>Adds sums and counts field by field.</summary>
    public static DailyTotals operator +(DailyTotals a, DailyTotals b) => new(
        a.TotalIssued + b.TotalIssued,
        a.TotalRedeemed + b.TotalRedeemed,
        a.IssuedCount + b.IssuedCount,
        a.RedeemedCount + b.RedeemedCount);

    /// <summary>Subtracts sums and counts field by field (a delta, or a difference between two totals).</summary>
    public static DailyTotals operator -(DailyTotals a, DailyTotals b) => new(
        a.TotalIssued - b.TotalIssued,
        a.TotalRedeemed - b.TotalRedeemed,
        a.IssuedCount - b.IssuedCount,
        a.RedeemedCount - b.RedeemedCount);

    /// <summary>The opposite change: what undoes <paramref name="a"/>.</summary>
    public static DailyTotals operator -(DailyTotals a) => Zero - a;

    /// <summary>The totals for people and logs: amounts as the report formats them, counts in parentheses, and the net.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"issued {ReportNumber.Format(TotalIssued)} ({IssuedCount}), redeemed {ReportNumber.Format(TotalRedeemed)} ({RedeemedCount}), net {ReportNumber.Format(NetRewards)}");
}
