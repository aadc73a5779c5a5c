namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// What a backfill did: the first scan's tally and, day by day, the correction and finalization; days refused (their
/// ledger kept changing under the correction) are neither corrected nor finalized.
/// </summary>
public sealed record BackfillResult(GroundTruthTally Tally, IReadOnlyList<BackfilledDay> Days)
{
    /// <summary>Days refused by name: nothing was written for them, not even a report.</summary>
    public IReadOnlyList<RefusedDay> Refused { get; init; } = [];

    /// <summary>How many scans of the rewards table were made (1, plus one for each rescan of days that changed during a scan).</summary>
    public int Scans { get; init; } = 1;

    /// <summary>True when some day got a correction or a new report revision (false: a rerun that found everything in place).</summary>
    public bool Changed => Days.Any(d => d.Changed);

    /// <summary>True when every day's running totals equal the scan after the backfill and no day was refused.</summary>
    public bool AllMatch => Refused.Count == 0 && Days.All(d => d.Check.Matches);
}
