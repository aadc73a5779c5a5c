using System.Text.Json;

namespace RewardAnalytics.Core.Reporting;

/// <summary>A day's totals as JSON members: the report's field names and number style (exact decimals that always show a fraction).</summary>
public static class TotalsJson
{
    /// <summary>Writes the five totals members into the current JSON object.</summary>
    public static void Write(Utf8JsonWriter json, DailyTotals totals)
    {
        json.WritePropertyName(ReportFields.TotalIssued);
        json.WriteRawValue(ReportNumber.Format(totals.TotalIssued));
        json.WritePropertyName(ReportFields.TotalRedeemed);
        json.WriteRawValue(ReportNumber.Format(totals.TotalRedeemed));
        json.WritePropertyName(ReportFields.NetRewards);
        json.WriteRawValue(ReportNumber.Format(totals.NetRewards));
        json.WriteNumber(ReportFields.IssuedCount, totals.IssuedCount);
        json.WriteNumber(ReportFields.RedeemedCount, totals.RedeemedCount);
    }

    /// <summary>Reads the totals members of an object written by <see cref="Write"/> (or a report).</summary>
    public static DailyTotals Read(JsonElement element) => new(
        element.GetProperty(ReportFields.TotalIssued).GetDecimal(),
        element.GetProperty(ReportFields.TotalRedeemed).GetDecimal(),
        element.GetProperty(ReportFields.IssuedCount).GetInt64(),
        element.GetProperty(ReportFields.RedeemedCount).GetInt64());
}
