namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// What a reconcile found: the scan's tally, every day compared (after the fix, when one was made) and the days whose
/// <c>CORRECTION</c> it wrote.
/// </summary>
public sealed record ReconciliationResult(GroundTruthTally Tally, IReadOnlyList<DayReconciliation> Days, IReadOnlyList<DayReconciliation> Fixed)
{
    /// <summary>True when every compared day matches its ground truth.</summary>
    public bool AllMatch => Days.All(d => d.Matches);
}
