using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The decision for one day, from its ledger and the metrics namespace alone: create revision 1, revise to n+1, publish
/// the metrics of an unchanged revision the namespace does not hold yet, or leave it unchanged. The metric values are
/// always the running totals minus what the namespace holds for the day, so that its Sum comes to the report's figures.
/// </summary>
internal sealed record DayPlan(LocalDate Date, DayAction Action, int Revision, DailyTotals Totals, DailyTotals MetricValues, MetricsKind MetricsKind)
{
    /// <summary>
    /// The plan for <paramref name="date"/>: create revision 1 when no FINAL exists, revise when the running totals moved
    /// since FINAL, publish the metrics alone when FINAL's totals are current but <paramref name="metricsNamespace"/>
    /// does not hold them, otherwise leave it unchanged.
    /// </summary>
    public static DayPlan Decide(LocalDate date, DayLedger ledger, string metricsNamespace)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var running = ledger.RunningTotals;
        if (ledger.Final is not { } final)
        {
            return new DayPlan(date, DayAction.Created, 1, running, running, MetricsKind.Totals);
        }

        var held = final.HeldIn(metricsNamespace);
        var kind = final.PublishedTo(metricsNamespace) ? MetricsKind.Difference : MetricsKind.Totals;
        if (final.Totals != running)
        {
            return new DayPlan(date, DayAction.Revised, final.Revision + 1, running, running - held, kind);
        }

        return final.PublishedTo(metricsNamespace) && held == running
            ? new DayPlan(date, DayAction.Unchanged, final.Revision, running, DailyTotals.Zero, kind)
            : new DayPlan(date, DayAction.MetricsPublished, final.Revision, running, running - held, kind);
    }
}
