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
