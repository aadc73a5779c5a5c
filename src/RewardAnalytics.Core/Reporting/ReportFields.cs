namespace RewardAnalytics.Core.Reporting;

/// <summary>The JSON field names of a day's totals, as the report, the finalizer's summary and the CLI's JSON write them.</summary>
public static class ReportFields
{
    public const string Date = "date";
    public const string TotalIssued = "total_issued";
    public const string TotalRedeemed = "total_redeemed";
    public const string NetRewards = "net_rewards";
    public const string IssuedCount = "issued_count";
    public const string RedeemedCount = "redeemed_count";
}
