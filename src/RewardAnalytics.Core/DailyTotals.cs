using System.Globalization;

namespace RewardAnalytics.Core;

/// <summary>Exact sums and counts of one day (or the change to them one stream record makes).</summary>
public readonly record struct DailyTotals(decimal TotalIssued, decimal TotalRedeemed, long IssuedCount, long RedeemedCount)
{
    public static DailyTotals Zero => default;

    public decimal NetRewards => TotalIssued - TotalRedeemed;

    public bool IsZero => TotalIssued == 0m && TotalRedeemed == 0m && IssuedCount == 0 && RedeemedCount == 0;

    /// <summary>What one reward adds to its day.</summary>
    public static DailyTotals Of(RewardKind kind, decimal amount) => kind == RewardKind.Issued
        ? new DailyTotals(amount, 0m, 1, 0)
        : new DailyTotals(0m, amount, 0, 1);

    public static DailyTotals operator +(DailyTotals a, DailyTotals b) => new(
        a.TotalIssued + b.TotalIssued,
        a.TotalRedeemed + b.TotalRedeemed,
        a.IssuedCount + b.IssuedCount,
        a.RedeemedCount + b.RedeemedCount);

    public static DailyTotals operator -(DailyTotals a, DailyTotals b) => new(
        a.TotalIssued - b.TotalIssued,
        a.TotalRedeemed - b.TotalRedeemed,
        a.IssuedCount - b.IssuedCount,
        a.RedeemedCount - b.RedeemedCount);

    public static DailyTotals operator -(DailyTotals a) => Zero - a;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"issued {ReportNumber.Format(TotalIssued)} ({IssuedCount}), redeemed {ReportNumber.Format(TotalRedeemed)} ({RedeemedCount}), net {ReportNumber.Format(NetRewards)}");
}
