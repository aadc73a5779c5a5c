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
                if (day.Action != DayAction.NoData)
                {
                    // A day without data has no revision and no totals: it is not a zero day.
                    json.WriteNumber("revision", day.Revision);
                    json.WriteString("metrics", Name(day.Metrics));
                    TotalsJson.Write(json, day.Totals);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The action's name in the summary and the logs: <c>created</c>, <c>revised</c>, <c>unchanged</c>,
    /// <c>metrics-published</c> (an unchanged report whose metrics went out now) or <c>no-data</c>.
    /// </summary>
    public static string Name(DayAction action) => action switch
    {
        DayAction.Created => "created",
        DayAction.Revised => "revised",
        DayAction.MetricsPublished => "metrics-published",
        DayAction.NoData => "no-data",
        _ => "unchanged",
    };

    /// <summary>
    /// The metrics outcome's name in the summary and the logs: <c>published</c>, <c>not-published-too-old</c>,
    /// <c>not-published-outside-lambda</c> or <c>none</c>.
    /// </summary>
    public static string Name(MetricsOutcome metrics) => metrics switch
    {
        MetricsOutcome.Published => "published",
        MetricsOutcome.TooOld => "not-published-too-old",
        MetricsOutcome.NotDelivered => NotPublishedOutsideLambda,
        _ => "none",
    };

    /// <summary>The metrics outcome of a day finalized outside Lambda, where EMF lines reach no CloudWatch.</summary>
    public const string NotPublishedOutsideLambda = "not-published-outside-lambda";

    /// <summary>The days whose metrics this run could not publish because it ran outside Lambda (a later run publishes them).</summary>
    public IReadOnlyList<LocalDate> MetricsPending => Days.Where(d => d.Metrics == MetricsOutcome.NotDelivered).Select(d => d.Date).ToArray();

    /// <summary>One line per day for people: date, action, revision and totals ("no data" for a day without any).</summary>
    public override string ToString() => string.Join('\n', Days.Select(d => d.Action == DayAction.NoData
        ? $"{IsoDate.Format(d.Date)} no data"
        : string.Create(CultureInfo.InvariantCulture, $"{IsoDate.Format(d.Date)} {Name(d.Action)} revision {d.Revision}: {d.Totals}")));
}
