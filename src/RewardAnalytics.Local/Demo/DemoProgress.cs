namespace RewardAnalytics.Local.Demo;

/// <summary>Progress of one stage: <paramref name="Done"/> of <paramref name="Total"/>.</summary>
public readonly record struct DemoProgress(DemoStage Stage, long Done, long Total);
