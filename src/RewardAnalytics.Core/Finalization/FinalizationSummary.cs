using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Finalization;

/// <summary>The finalizer's response: the target day and, per checked day, the action, revision and totals.</summary>
public sealed record FinalizationSummary(LocalDate Target, IReadOnlyList<DayOutcome> Days)
{
    /// <summary>The summary as the finalizer's Lambda response: <c>target</c> and, per day, date, action, revision, metrics outcome and totals.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("target", IsoDate.Format(Target));
            json.WriteStartArray("days");
            foreach (var day in Days)
            {
                json.WriteStartObject();
                json.WriteString("date", IsoDate.Format(day.Date));
                json.WriteString("action", Name(day.Action));
                json.WriteNumber("revision", day.Revision);
                json.WriteString("metrics", Name(day.Metrics));
                TotalsJson.Write(json, day.Totals);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The action's name in the summary and the logs: <c>created</c>, <c>revised</c> or <c>unchanged</c>.</summary>
    public static string Name(DayAction action) => action switch
    {
        DayAction.Created => "created",
        DayAction.Revised => "revised",
        _ => "unchanged",
    };

    /// <summary>The metrics outcome's name in the summary and the logs: <c>published</c>, <c>not-published-too-old</c> or <c>none</c>.</summary>
    public static string Name(MetricsOutcome metrics) => metrics switch
    {
        MetricsOutcome.Published => "published",
        MetricsOutcome.TooOld => "not-published-too-old",
        _ => "none",
    };

    /// <summary>One line per day for people: date, action, revision and totals.</summary>
    public override string ToString() => string.Join('\n', Days.Select(d => string.Create(CultureInfo.InvariantCulture,
        $"{IsoDate.Format(d.Date)} {Name(d.Action)} revision {d.Revision}: {d.Totals}")));
}
