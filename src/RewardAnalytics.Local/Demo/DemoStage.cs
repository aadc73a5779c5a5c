namespace RewardAnalytics.Local.Demo;

/// <summary>The demo's stages, for progress display.</summary>
public enum DemoStage
{
    /// <summary>Starting the emulators and creating the tables.</summary>
    Starting,
    /// <summary>Writing the workload to the rewards table.</summary>
    Writing,
    /// <summary>Delivering the stream to the aggregator.</summary>
    Streaming,
    /// <summary>Running the daily finalizer.</summary>
    Finalizing,
    /// <summary>Comparing totals, reports and metrics with a full scan.</summary>
    Verifying,
}
