using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Local.Demo;

/// <summary>What one finalizer run did to one day; <see cref="Totals"/> is null for a day without data (action <c>no-data</c>).</summary>
internal sealed record FinalizerDayResult(LocalDate Date, string Action, int Revision, DailyTotals? Totals);
