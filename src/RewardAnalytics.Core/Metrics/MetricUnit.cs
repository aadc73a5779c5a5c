namespace RewardAnalytics.Core.Metrics;

/// <summary>The CloudWatch units this service publishes.</summary>
public static class MetricUnit
{
    public const string None = "None";
    public const string Count = "Count";
}
