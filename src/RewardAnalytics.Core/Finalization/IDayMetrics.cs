namespace RewardAnalytics.Core.Finalization;

/// <summary>Publishes a day's metric values (one EMF line in production).</summary>
public interface IDayMetrics
{
    /// <summary>Publishes the day's values, timestamped in that day.</summary>
    void Publish(DayMetricValues values);
}
