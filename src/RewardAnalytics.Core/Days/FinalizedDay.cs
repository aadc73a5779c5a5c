using NodaTime;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// A day's <c>FINAL</c> item: the totals last published in the report, their revision (1, 2, …), when they were
/// committed, and what CloudWatch holds for the day (<see cref="Metrics"/>; null when nothing reached it: a run outside
/// Lambda, or a day older than CloudWatch accepts). Writing it is the commit point of a finalization.
/// </summary>
public sealed record FinalizedDay(LocalDate Date, DailyTotals Totals, int Revision, Instant FinalizedAt, PublishedMetrics? Metrics)
{
    /// <summary>How many times the item was committed (0 for an item written before commits were counted): a commit is conditioned on it.</summary>
    public long Commits { get; init; }

    /// <summary>The report time zone the day was finalized in (null on items written before it was recorded).</summary>
    public string? ReportTimeZone { get; init; }

    /// <summary>True when the namespace in <see cref="Metrics"/> holds exactly this revision's totals.</summary>
    public bool MetricsPublished => Metrics is { } metrics && metrics.Held == Totals;

    /// <summary>What <paramref name="metricsNamespace"/> holds for the day: the published sum there, zero when nothing was published to it.</summary>
    public DailyTotals HeldIn(string metricsNamespace) =>
        Metrics is { } metrics && string.Equals(metrics.Namespace, metricsNamespace, StringComparison.Ordinal) ? metrics.Held : DailyTotals.Zero;

    /// <summary>True when <paramref name="metricsNamespace"/> is where this day's metrics were published.</summary>
    public bool PublishedTo(string metricsNamespace) =>
        Metrics is { } metrics && string.Equals(metrics.Namespace, metricsNamespace, StringComparison.Ordinal);
}
