using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// One day as the totals API and <c>totals</c> answer it (read by <see cref="DayTotalsReader"/>): the running totals (shard items + correction, one consistent query), the
/// revision of the day's <c>FINAL</c> item (null before the day is finalized), and when the read was made.
/// </summary>
public sealed record DayView(LocalDate Date, DailyTotals Totals, int? FinalRevision, Instant AsOf)
{
    /// <summary>Field: the revision of the day's published report, or null.</summary>
    public const string FinalRevisionField = "final_revision";
    /// <summary>Field: the instant the day was read (every write committed before it is in the totals).</summary>
    public const string AsOfField = "as_of";
    /// <summary>Field of a range's day whose items cannot be read (or were summed in another report time zone): why; the day then has no totals.</summary>
    public const string UnreadableField = "unreadable";

    /// <summary>
    /// A day of a range whose items cannot be read: <paramref name="reason"/> says why and what to do. It carries no
    /// totals and is left out of the range's sum; the other days are read as usual.
    /// </summary>
    public static DayView Unreadable(LocalDate date, string reason, Instant asOf) =>
        new(date, DailyTotals.Zero, null, asOf) { UnreadableReason = reason };

    /// <summary>Why the day's items cannot be read, or null when its totals were read.</summary>
    public string? UnreadableReason { get; init; }

    /// <summary>
    /// Writes the day as one JSON object: the report's six fields (same names and number style), then
    /// <c>final_revision</c> and <c>as_of</c>; an unreadable day is <c>{"date","unreadable","as_of"}</c>.
    /// </summary>
    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString(ReportFields.Date, IsoDate.Format(Date));
        if (UnreadableReason is { } reason)
        {
            json.WriteString(UnreadableField, reason);
            json.WriteString(AsOfField, InstantPattern.ExtendedIso.Format(AsOf));
            json.WriteEndObject();
            return;
        }

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
    public string ToJson() => DayJson.Text(Write);
}
