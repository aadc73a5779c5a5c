using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// A day's <c>FINAL</c> item: the totals last published (report and metrics), their revision (1, 2, …), when they
/// were committed, and whether that revision's metrics went out (CloudWatch refuses data older than 14 days).
/// Writing it is the commit point of a finalization.
/// </summary>
public sealed record FinalizedDay(LocalDate Date, DailyTotals Totals, int Revision, Instant FinalizedAt, bool MetricsPublished);
