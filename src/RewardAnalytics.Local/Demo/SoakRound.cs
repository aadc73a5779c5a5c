namespace RewardAnalytics.Local.Demo;

/// <summary>One verified soak round: its seed, its result, the mismatches it found and the running count.</summary>
public sealed record SoakRound(int Round, long Seed, DemoResult Result, int Mismatches, long MismatchesSoFar, TimeSpan Elapsed);
