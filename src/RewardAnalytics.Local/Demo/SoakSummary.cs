namespace RewardAnalytics.Local.Demo;

/// <summary>What a soak run did in all; green only with no mismatch in any round.</summary>
public sealed record SoakSummary(int Rounds, long RecordsStreamed, long Invocations, long DuplicatesAbsorbed, long FinalizerRuns, long Mismatches, TimeSpan Elapsed)
{
    /// <summary>True when no round found a mismatch.</summary>
    public bool AllMatched => Mismatches == 0;
}
