using NodaTime;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// One day of a backfill: its comparison with the scan (after the correction), whether a <c>CORRECTION</c> was written,
/// and what finalizing it did (report, <c>FINAL</c>, metrics).
/// </summary>
public sealed record BackfilledDay(DayReconciliation Check, bool Corrected, DayOutcome Finalized)
{
    /// <summary>The day.</summary>
    public LocalDate Date => Check.Date;

    /// <summary>True when the backfill changed something for this day: a correction, a report created or revised.</summary>
    public bool Changed => Corrected || Finalized.Action != DayAction.Unchanged;

    /// <summary>What was done, for people: <c>unchanged</c>, or e.g. <c>corrected, report created r1</c>.</summary>
    public string Action
    {
        get
        {
            if (!Changed)
            {
                return "unchanged";
            }

            var report = Finalized.Action == DayAction.Unchanged
                ? $"report unchanged r{Finalized.Revision}"
                : $"report {FinalizationSummary.Name(Finalized.Action)} r{Finalized.Revision}";
            return Corrected ? "corrected, " + report : report;
        }
    }
}
