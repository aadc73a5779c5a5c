using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Api;

/// <summary>
/// One day as the totals API answers it: the running totals (shard items + correction, one consistent query), the
/// revision of the day's <c>FINAL</c> item (null before the day is finalized), and when the read was made.
/// </summary>
public sealed record DayView(LocalDate Date, DailyTotals Totals, int? FinalRevision, Instant AsOf)
{
    /// <summary>Field: the revision of the day's published report, or null.</summary>
    public const string FinalRevisionField = "final_revision";
    /// <summary>Field: the instant the day was read (every write committed before it is in the totals).</summary>
    public const string AsOfField = "as_of";

    /// <summary>Writes the day as one JSON object: the report's six fields (same names and number style), then <c>final_revision</c> and <c>as_of</c>.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString(ReportFields.Date, IsoDate.Format(Date));
        TotalsJson.Write(json, Totals);
        if (FinalRevision is { } revision)
        {
            json.WriteNumber(FinalRevisionField, revision);
        }
        else
        {
            json.WriteNull(FinalRevisionField);
        }

        json.WriteString(AsOfField, InstantPattern.ExtendedIso.Format(AsOf));
        json.WriteEndObject();
    }

    /// <summary>The day as its JSON text.</summary>
    public string ToJson() => ApiResponse.Json(Write);
}
