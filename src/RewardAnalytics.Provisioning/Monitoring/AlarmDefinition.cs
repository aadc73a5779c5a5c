namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>
/// A CloudWatch metric alarm as plain values. Either a single metric (<see cref="Metric"/>) or metric math
/// (<see cref="Queries"/>). A dimension value of <see cref="Alarms.EventSourceMappingUuid"/> stands for the mapping's
/// UUID, which exists only once the mapping does.
/// </summary>
public sealed record AlarmDefinition
{
    public const string GreaterThanThreshold = "GreaterThanThreshold";
    public const string LessThanThreshold = "LessThanThreshold";
    public const string Breaching = "breaching";
    public const string NotBreaching = "notBreaching";

    public required string Name { get; init; }
    public required string Description { get; init; }
    public MetricSpec? Metric { get; init; }
    public IReadOnlyList<MetricQuerySpec> Queries { get; init; } = [];
    public required string ComparisonOperator { get; init; }
    public required double Threshold { get; init; }
    public int EvaluationPeriods { get; init; } = 1;
    public int DatapointsToAlarm { get; init; } = 1;
    public required string TreatMissingData { get; init; }
}
