namespace RewardAnalytics.Core.Metrics;

/// <summary>One metric value in an Embedded Metric Format line.</summary>
internal readonly record struct EmfMetric(string Name, decimal Value, string Unit);
