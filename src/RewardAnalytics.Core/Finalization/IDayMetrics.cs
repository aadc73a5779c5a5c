namespace RewardAnalytics.Core.Finalization;

/// <summary>Publishes a day's metric values (one EMF line in production).</summary>
public interface IDayMetrics
{
    /// <summary>The CloudWatch namespace the values go to.</summary>
    string Namespace { get; }

    /// <summary>
    /// True when published values reach CloudWatch (EMF lines in a Lambda function's log stream). The composition decides:
    /// the Lambda entry point says yes, the CLI says no; the finalizer never guesses from its environment.
    /// </summary>
    bool ReachesCloudWatch { get; }

    /// <summary>Publishes the day's values, timestamped in that day.</summary>
    void Publish(DayMetricValues values);
}
