namespace RewardAnalytics.Local.Demo;

/// <summary>The demo's stages, for progress display.</summary>
public enum DemoStage
{
    Starting,
    Writing,
    Streaming,
    Finalizing,
    Verifying,
}

/// <summary>Progress of one stage: <paramref name="Done"/> of <paramref name="Total"/>.</summary>
public readonly record struct DemoProgress(DemoStage Stage, long Done, long Total);
