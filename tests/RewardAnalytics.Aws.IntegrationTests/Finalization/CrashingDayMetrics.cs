using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>The real EMF metrics that crash after the line is written while armed.</summary>
public sealed class CrashingDayMetrics(IDayMetrics inner, bool crash) : IDayMetrics
{
    public string Namespace => inner.Namespace;

    public bool ReachesCloudWatch => inner.ReachesCloudWatch;

    public void Publish(DayMetricValues values)
    {
        inner.Publish(values);
        if (crash)
        {
            throw new InjectedCrashException("crashed after the metrics line was written");
        }
    }
}
