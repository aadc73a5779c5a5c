namespace RewardAnalytics.Provisioning.Monitoring;

/// <summary>A metric, its statistic and period.</summary>
public sealed record MetricSpec(string Namespace, string MetricName, IReadOnlyDictionary<string, string> Dimensions, string Statistic, int PeriodSeconds);
