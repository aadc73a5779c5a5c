namespace RewardAnalytics.Local.Lambda;

/// <summary>One metric datapoint CloudWatch would extract from an EMF log event.</summary>
internal sealed record ExtractedMetric(
    string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions, DateTimeOffset Timestamp, decimal Value, string? Unit);
