namespace RewardAnalytics.Core.Days;

/// <summary>
/// What CloudWatch holds for a day, as far as the finalizer published it: the namespace its lines went to and their sum
/// (the day's totals once every revision went out). Lines written outside Lambda never reach CloudWatch and are not counted.
/// </summary>
public sealed record PublishedMetrics(string Namespace, DailyTotals Held);
