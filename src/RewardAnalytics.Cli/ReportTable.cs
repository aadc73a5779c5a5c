using System.Globalization;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Cli;

/// <summary>A day's figures as aligned text for people (the JSON form is <see cref="DailyReport.ToJson"/>).</summary>
internal static class ReportTable
{
    /// <summary>The report's six fields, one a line, names left-aligned, values formatted as in the JSON.</summary>
    public static string Render(DailyReport report)
    {
        var t = report.Totals;
        string[][] rows =
        [
            ["date", IsoDate.Format(report.Date)],
            ["total_issued", ReportNumber.Format(t.TotalIssued)],
            ["total_redeemed", ReportNumber.Format(t.TotalRedeemed)],
            ["net_rewards", ReportNumber.Format(t.NetRewards)],
            ["issued_count", t.IssuedCount.ToString(CultureInfo.InvariantCulture)],
            ["redeemed_count", t.RedeemedCount.ToString(CultureInfo.InvariantCulture)],
        ];
        return string.Join('\n', rows.Select(r => $"{r[0],-15} {r[1]}"));
    }
}
