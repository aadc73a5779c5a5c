using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>What finalizing one day did: its action, the revision now committed, the totals, and the metrics published.</summary>
public sealed record DayOutcome(LocalDate Date, DayAction Action, int Revision, DailyTotals Totals, MetricsOutcome Metrics, DailyTotals MetricValues);
