using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Local.Demo;

/// <summary>What one finalizer run did to one day.</summary>
public sealed record FinalizerDayResult(LocalDate Date, string Action, int Revision, DailyTotals Totals);
