namespace RewardAnalytics.Local.Emulators;

/// <summary>How to start the local world: where to keep data (in memory when null) and what to call things.</summary>
public sealed record LocalAwsOptions
{
    /// <summary>Name of the rewards table created in the local world.</summary>
    public const string DefaultRewardsTable = "rewards";
    /// <summary>Name of the aggregates table created in the local world.</summary>
    public const string DefaultAggregatesTable = "reward-aggregates";
    /// <summary>Name of the report bucket created in the local world.</summary>
    public const string DefaultBucket = "reward-analytics-local";

    /// <summary>A directory that keeps the emulators' data between runs; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Name of the rewards table to create.</summary>
    public string RewardsTable { get; init; } = DefaultRewardsTable;
    /// <summary>Name of the aggregates table to create.</summary>
    public string AggregatesTable { get; init; } = DefaultAggregatesTable;
    /// <summary>Name of the report bucket to create.</summary>
    public string Bucket { get; init; } = DefaultBucket;

    /// <summary>Told, one line each, what takes time while the world starts (the first run's <c>npm ci</c>); null tells no one.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>How long the emulators may take to answer after they are started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
