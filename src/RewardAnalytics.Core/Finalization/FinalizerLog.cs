using System.Text.Json;
using NodaTime;
using RewardAnalytics.Core.Logging;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Finalization;

/// <summary>The finalizer's structured log lines (one JSON object a line, beside its EMF lines).</summary>
internal sealed class FinalizerLog
{
    private readonly JsonLog _log;

    /// <summary>Log lines written to <paramref name="log"/>, timestamped by <paramref name="clock"/>.</summary>
    public FinalizerLog(TextWriter log, TimeProvider clock) => _log = new JsonLog(log, clock);

    /// <summary>INFO: a day was checked, with the action taken, its revision, metrics outcome and totals.</summary>
    public void DayFinalized(DayOutcome outcome) => Write("INFO", "day finalized", outcome.Date, json =>
    {
        json.WriteString("action", FinalizationSummary.Name(outcome.Action));
        json.WriteNumber("revision", outcome.Revision);
        json.WriteString("metrics", FinalizationSummary.Name(outcome.Metrics));
        TotalsJson.Write(json, outcome.Totals);
    });

    /// <summary>
    /// WARN: a revision's metrics were not published (revision 1, the day's first finalization) or not re-published
    /// (a later revision) because CloudWatch would reject a data point that old.
    /// </summary>
    public void MetricsTooOld(LocalDate day, int revision, Instant timestamp) => Write("WARN",
        $"metrics not {(revision == 1 ? "published" : "re-published")}: CloudWatch does not accept data older than 14 days; the S3 report and FINAL carry this revision", day, json =>
        {
            json.WriteNumber("revision", revision);
            json.WriteString("metricsTimestamp", NodaTime.Text.InstantPattern.ExtendedIso.Format(timestamp));
        });

    /// <summary>
    /// WARN: a revision's metrics were not published because this run is outside Lambda (EMF lines reach CloudWatch only
    /// from a Lambda log stream); says what will publish them.
    /// </summary>
    public void MetricsNotDelivered(LocalDate day, int revision, string metricsNamespace, int recheckDays) => Write("WARN",
        "metrics not published: " + MetricsNotice.WhatPublishes(day, recheckDays), day, json =>
        {
            json.WriteNumber("revision", revision);
            json.WriteString("metricsNamespace", metricsNamespace);
        });

    /// <summary>INFO: the day has no item at all and lies before the first day with data: no report, no metrics.</summary>
    public void NoData(LocalDate day, LocalDate? firstDay) => Write("INFO",
        firstDay is { } first
            ? $"no data: no item was ever written for the day and it lies before the first day with data ({IsoDate.Format(first)}); no report, no metrics"
            : "no data: no item was ever written for the day, and no earlier day has data; no report, no metrics",
        day, json => json.WriteString("action", FinalizationSummary.Name(DayAction.NoData)));

    /// <summary>WARN: another finalizer committed this revision first; says whether this run's metrics line was cancelled.</summary>
    public void RevisionConflict(LocalDate day, int revision, bool compensated) => Write("WARN",
        "another finalizer committed this revision first: its report is restored and this run's metrics line is cancelled", day, json =>
        {
            json.WriteNumber("revision", revision);
            json.WriteBoolean("metricsCompensated", compensated);
        });

    /// <summary>
    /// ERROR: a day could not be finalized. A failure on the way (an outage, a conflict) is repaired by a rerun; a day whose
    /// items cannot be read (<see cref="UnreadableDayException"/>) is not, and the line says what to do instead.
    /// </summary>
    public void DayFailed(LocalDate day, Exception error) => Write("ERROR",
        error is ReportTimeZoneMismatchException ? "day not finalized: its items were summed in another report time zone, and a rerun with this setting does not repair that"
        : error is UnreadableDayException ? "day not finalized: its items cannot be read, and a rerun does not repair that" : "day not finalized; a rerun repairs it",
        day, json => json.WriteString("error", error is UnreadableDayException ? error.Message : $"{error.GetType().Name}: {error.Message}"));

    private void Write(string level, string message, LocalDate day, Action<Utf8JsonWriter> body) => _log.Write(level, message, json =>
    {
        json.WriteString("date", IsoDate.Format(day));
        body(json);
    });
}
