namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// What a reconcile found: the first scan's tally, every day compared (after the fix, when one was made), the days whose
/// <c>CORRECTION</c> it wrote, and the days it refused (their ledger kept changing under it; nothing written for them).
/// </summary>
public sealed record ReconciliationResult(GroundTruthTally Tally, IReadOnlyList<DayReconciliation> Days, IReadOnlyList<DayReconciliation> Fixed)
{
    /// <summary>Days refused by name: the stream changed their ledger between the scan and the write, on every attempt.</summary>
    public IReadOnlyList<RefusedDay> Refused { get; init; } = [];

    /// <summary>How many scans of the rewards table were made (1, plus one for each rescan of days that changed during a scan).</summary>
    public int Scans { get; init; } = 1;

    /// <summary>True when every compared day matches its ground truth and no day was refused.</summary>
    public bool AllMatch => Refused.Count == 0 && Days.All(d => d.Matches);
}
