namespace RewardAnalytics.Core.Reporting;

/// <summary>The JSON field names of a day's totals, as the report, the finalizer's summary and the CLI's JSON write them.</summary>
public static class ReportFields
{
    /// <summary>The day, <c>yyyy-MM-dd</c>.</summary>
    public const string Date = "date";
    /// <summary>Issued amount.</summary>
    public const string TotalIssued = "total_issued";
    /// <summary>Redeemed amount.</summary>
    public const string TotalRedeemed = "total_redeemed";
    /// <summary>Issued minus redeemed amount.</summary>
    public const string NetRewards = "net_rewards";
    /// <summary>Number of issued rewards.</summary>
    public const string IssuedCount = "issued_count";
    /// <summary>Number of redeemed rewards.</summary>
    public const string RedeemedCount = "redeemed_count";
}
