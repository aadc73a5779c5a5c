namespace RewardAnalytics.Local.Demo;

/// <summary>What the demo found: a row per day, the named checks, the figures. Green only if everything matched.</summary>
public sealed record DemoResult(DemoOptions Options, IReadOnlyList<DayCheck> Days, IReadOnlyList<DemoCheck> Checks, DemoFigures Figures)
{
    /// <summary>True when every day matched the full scan and every check passed.</summary>
    public bool AllMatched => Days.All(d => d.Matches) && Checks.All(c => c.Passed);
}
