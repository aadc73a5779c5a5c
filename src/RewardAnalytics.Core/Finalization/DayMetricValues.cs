using NodaTime;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// One set of a day's metric values: the day's totals (revision 1), the change since the last published revision
/// (a revision; may be negative), or the negation of values a losing concurrent finalizer published.
/// </summary>
public sealed record DayMetricValues(LocalDate Date, Instant Timestamp, DailyTotals Values, int Revision, MetricsKind Kind);
