using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The decision for one day, from its ledger alone: create revision 1, revise to n+1 with the difference from the
/// last published totals as metrics, or leave it unchanged.
/// </summary>
public sealed record DayPlan(LocalDate Date, DayAction Action, int Revision, DailyTotals Totals, DailyTotals MetricValues)
{
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

    public MetricsKind MetricsKind => Action == DayAction.Created ? MetricsKind.Totals : MetricsKind.Difference;
}
