using NodaTime;
using RewardAnalytics.Core;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// One day: the ground truth (full scan), the running totals, the published report (null before finalization), its
/// revision and the expected one, how many stream records changed the day after it was first finalized.
/// </summary>
public sealed record DayCheck(
    LocalDate Date,
    DailyTotals Truth,
    DailyTotals Running,
    DailyTotals? Report,
    bool ReportBytesMatch,
    int? Revision,
    int ExpectedRevision,
    int LateRecords,
    bool Matches);
