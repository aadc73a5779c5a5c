namespace RewardAnalytics.Core.Metrics;

/// <summary>The CloudWatch units this service publishes.</summary>
internal static class MetricUnit
{
    /// <summary>Unitless values (the reward amounts).</summary>
    public const string None = "None";
    /// <summary>Counts (records, rewards, writes).</summary>
    public const string Count = "Count";
}
