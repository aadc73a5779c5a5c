using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// A range of days as the totals API and <c>totals --from --to --json</c> answer it: each day, then the sum of the
/// readable ones (a day whose items cannot be read is marked so, and left out of the sum).
/// </summary>
public sealed record DayRangeView(LocalDate From, LocalDate To, IReadOnlyList<DayView> Days)
{
    /// <summary>Field: how many days of the range cannot be read and are left out of <c>sum</c>.</summary>
    public const string UnreadableDaysField = "unreadable_days";

    /// <summary>The readable days' totals added up.</summary>
    public DailyTotals Sum => Days.Where(d => d.UnreadableReason is null).Aggregate(DailyTotals.Zero, (total, day) => total + day.Totals);

    /// <summary>The days whose items cannot be read (marked in <see cref="Days"/>, left out of <see cref="Sum"/>).</summary>
    public IReadOnlyList<DayView> UnreadableDays => Days.Where(d => d.UnreadableReason is not null).ToArray();

    /// <summary>
    /// <c>{"from","to","days":[…],"sum":{…},"unreadable_days":N}</c>; the sum carries the report's five totals fields
    /// over the readable days, and <c>unreadable_days</c> says how many were left out.
    /// </summary>
    public string ToJson() => DayJson.Text(json =>
    {
        json.WriteStartObject();
        json.WriteString("from", IsoDate.Format(From));
        json.WriteString("to", IsoDate.Format(To));
        json.WriteStartArray("days");
        foreach (var day in Days)
        {
            day.Write(json);
        }

        json.WriteEndArray();
        json.WriteStartObject("sum");
        TotalsJson.Write(json, Sum);
        json.WriteEndObject();
        json.WriteNumber(UnreadableDaysField, UnreadableDays.Count);
        json.WriteEndObject();
    });
}
