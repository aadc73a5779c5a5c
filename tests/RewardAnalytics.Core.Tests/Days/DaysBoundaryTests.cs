using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Core.Tests.Days;

/// <summary>
/// The read side depends on no workflow: Days (a day's ledger, its reader port, the day/range/today reader, the report
/// calendar) uses nothing of Finalization, Reconciliation, Aggregation or StreamEvents, which all read days through it.
/// </summary>
public sealed class DaysBoundaryTests
{
    private static readonly string DaysNamespace = typeof(DayTotalsReader).Namespace!;

    [Fact]
    public void No_type_of_Days_uses_a_type_or_member_of_a_workflow_folder()
    {
        var uses = CompiledUses.Violations(typeof(DayTotalsReader).Assembly, DaysNamespace,
            "RewardAnalytics.Core.Finalization", "RewardAnalytics.Core.Reconciliation", "RewardAnalytics.Core.Aggregation", "RewardAnalytics.Core.StreamEvents");

        Assert.True(uses.Length == 0, "Days must not depend on the workflows that read days, but:\n" + string.Join('\n', uses));
    }

    [Fact]
    public void The_check_sees_the_finalizer_reading_days_through_Days()
    {
        Assert.Contains(CompiledUses.UsesOf(typeof(DailyFinalization)), used => used == typeof(DayLedger).FullName);
    }
}
