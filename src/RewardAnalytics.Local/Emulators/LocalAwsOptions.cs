namespace RewardAnalytics.Local.Emulators;

/// <summary>How to start the local world: where to keep data (in memory when null) and what to call things.</summary>
public sealed record LocalAwsOptions
{
    public const string DefaultRewardsTable = "rewards";
    public const string DefaultAggregatesTable = "reward-aggregates";
    public const string DefaultBucket = "reward-analytics-local";

    /// <summary>A directory that keeps the emulators' data between runs; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    public string RewardsTable { get; init; } = DefaultRewardsTable;
    public string AggregatesTable { get; init; } = DefaultAggregatesTable;
    public string Bucket { get; init; } = DefaultBucket;

    /// <summary>How long the emulators may take to answer after they are started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
