using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The decision for one day, from its ledger alone: create revision 1, revise to n+1 with the difference from the
/// last published totals as metrics, or leave it unchanged.
/// </summary>
public sealed record DayPlan(LocalDate Date, DayAction Action, int Revision, DailyTotals Totals, DailyTotals MetricValues)
{
    /// <summary>The plan for <paramref name="date"/>: create revision 1 when no FINAL exists, revise when the running totals moved since FINAL, otherwise leave it unchanged.</summary>
    public static DayPlan Decide(LocalDate date, DayLedger ledger)
    {
        var running = ledger.RunningTotals;
        return ledger.Final switch
        {
            null => new DayPlan(date, DayAction.Created, 1, running, running),
            { } final when final.Totals == running => new DayPlan(date, DayAction.Unchanged, final.Revision, running, DailyTotals.Zero),
            { } final => new DayPlan(date, DayAction.Revised, final.Revision + 1, running, running - final.Totals),
        };
    }

    /// <summary>Whether the metrics line carries the day's totals (first publication) or the difference from the last published totals.</summary>
    public MetricsKind MetricsKind => Action == DayAction.Created ? MetricsKind.Totals : MetricsKind.Difference;
}
