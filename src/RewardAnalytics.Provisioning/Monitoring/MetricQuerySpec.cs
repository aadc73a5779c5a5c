namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>One query of a metric-math alarm: a metric (with an id) or an expression over the ids.</summary>
public sealed record MetricQuerySpec(string Id, MetricSpec? Metric = null, string? Expression = null, string? Label = null, bool ReturnData = false);
