namespace RewardAnalytics.Core.Finalization;

/// <summary>Publishes a day's metric values (one EMF line in production).</summary>
public interface IDayMetrics
{
    void Publish(DayMetricValues values);
}
