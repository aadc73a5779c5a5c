namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>
/// A CloudWatch metric alarm as plain values. Either a single metric (<see cref="Metric"/>) or metric math
/// (<see cref="Queries"/>). A dimension value of <see cref="Alarms.EventSourceMappingUuid"/> stands for the mapping's
/// UUID, which exists only once the mapping does.
/// </summary>
public sealed record AlarmDefinition
{
    /// <summary>Alarm when the value rises above the threshold.</summary>
    public const string GreaterThanThreshold = "GreaterThanThreshold";
    /// <summary>Alarm when the value falls below the threshold.</summary>
    public const string LessThanThreshold = "LessThanThreshold";
    /// <summary>Missing data counts as breaching (for "something must have happened" alarms).</summary>
    public const string Breaching = "breaching";
    /// <summary>Missing data counts as fine (for "something went wrong" alarms).</summary>
    public const string NotBreaching = "notBreaching";

    /// <summary>The alarm's physical name (see <see cref="Settings.ResourceNames.Alarm"/>).</summary>
    public required string Name { get; init; }
    /// <summary>What the alarm means and what to do, as the notification shows it.</summary>
    public required string Description { get; init; }
    /// <summary>The single metric the alarm watches; null when it uses <see cref="Queries"/>.</summary>
    public MetricSpec? Metric { get; init; }
    /// <summary>The metric-math queries the alarm watches; empty when it uses <see cref="Metric"/>.</summary>
    public IReadOnlyList<MetricQuerySpec> Queries { get; init; } = [];
    /// <summary><see cref="GreaterThanThreshold"/> or <see cref="LessThanThreshold"/>.</summary>
    public required string ComparisonOperator { get; init; }
    /// <summary>The value the metric is compared with.</summary>
    public required double Threshold { get; init; }
    /// <summary>How many recent periods are evaluated.</summary>
    public int EvaluationPeriods { get; init; } = 1;
    /// <summary>How many of those periods must breach for the alarm to fire.</summary>
    public int DatapointsToAlarm { get; init; } = 1;
    /// <summary><see cref="Breaching"/> or <see cref="NotBreaching"/>.</summary>
    public required string TreatMissingData { get; init; }
}
