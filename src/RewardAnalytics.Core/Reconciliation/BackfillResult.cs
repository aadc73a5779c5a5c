namespace RewardAnalytics.Core.Reconciliation;

/// <summary>What a backfill did: the one scan's tally and, day by day, the correction and finalization.</summary>
public sealed record BackfillResult(GroundTruthTally Tally, IReadOnlyList<BackfilledDay> Days)
{
    /// <summary>True when some day got a correction or a new report revision (false: a rerun that found everything in place).</summary>
    public bool Changed => Days.Any(d => d.Changed);

    /// <summary>True when every day's running totals equal the scan after the backfill.</summary>
    public bool AllMatch => Days.All(d => d.Check.Matches);
}
