using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Api;

/// <summary>A range of days as the totals API and <c>totals --from --to --json</c> answer it: each day, then their sum.</summary>
public sealed record DayRangeView(LocalDate From, LocalDate To, IReadOnlyList<DayView> Days)
{
    /// <summary>The days' totals added up.</summary>
    public DailyTotals Sum => Days.Aggregate(DailyTotals.Zero, (total, day) => total + day.Totals);

    /// <summary><c>{"from","to","days":[…],"sum":{…}}</c>; the sum carries the report's five totals fields.</summary>
    public string ToJson() => ApiResponse.Json(json =>
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
        json.WriteEndObject();
    });
}
