using System.Globalization;
using System.Text;
using NodaTime;

namespace RewardAnalytics.Core.Reporting;

/// <summary>
/// The day's report as the original service published it: exactly six fields in this order, two-space indent,
/// one field a line, no trailing newline (the bytes Python's <c>json.dumps(report, indent=2)</c> gives), amounts
/// as exact decimals that always show a fraction, counts as integers.
/// </summary>
public sealed record DailyReport(LocalDate Date, DailyTotals Totals)
{
    /// <summary>The report body, byte for byte as the contract fixes it.</summary>
    public string ToJson()
    {
        var text = new StringBuilder(160);
        text.Append("{\n");
        text.Append("  \"date\": \"").Append(IsoDate.Format(Date)).Append("\",\n");
        text.Append("  \"total_issued\": ").Append(ReportNumber.Format(Totals.TotalIssued)).Append(",\n");
        text.Append("  \"total_redeemed\": ").Append(ReportNumber.Format(Totals.TotalRedeemed)).Append(",\n");
        text.Append("  \"net_rewards\": ").Append(ReportNumber.Format(Totals.NetRewards)).Append(",\n");
        text.Append("  \"issued_count\": ").Append(Totals.IssuedCount.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"redeemed_count\": ").Append(Totals.RedeemedCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append('}');
        return text.ToString();
    }

    /// <summary>The report body as UTF-8 bytes (what is stored in S3).</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToJson());
}
