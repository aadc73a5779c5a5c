using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core.Tests.Finalization;

/// <summary>What the finalizer decides for a day from its ledger: create, leave, revise or publish, and which metrics.</summary>
public sealed class DayPlanTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    private static readonly DailyTotals Seed = new(1500m, 750m, 15, 8);

    private const string Namespace = FinalizerSettings.DefaultMetricsNamespace;

    private static readonly Instant FinalizedAt = Instant.FromUtc(2023, 11, 16, 0, 5);

    [Fact]
    public void A_day_without_final_is_created_as_revision_1_publishing_its_totals()
    {
        var plan = DayPlan.Decide(Day, new DayLedger(Seed, null, null), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Created, 1, Seed, Seed, MetricsKind.Totals), plan);
    }

    [Fact]
    public void A_day_whose_totals_equal_final_is_unchanged_and_publishes_nothing()
    {
        var final = new FinalizedDay(Day, Seed, 3, FinalizedAt, new PublishedMetrics(Namespace, Seed));

        Assert.Equal(new DayPlan(Day, DayAction.Unchanged, 3, Seed, DailyTotals.Zero, MetricsKind.Difference), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_changed_day_is_revised_publishing_the_difference_which_may_be_negative()
    {
        var final = new FinalizedDay(Day, Seed, 1, FinalizedAt, new PublishedMetrics(Namespace, Seed));
        var correction = new DailyTotals(-100m, 0m, -1, 0);

        var plan = DayPlan.Decide(Day, new DayLedger(Seed, correction, final), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Revised, 2, Seed + correction, correction, MetricsKind.Difference), plan);
        Assert.Equal(-100m, plan.MetricValues.NetRewards);
    }

    [Fact]
    public void A_day_finalized_outside_lambda_gets_its_whole_totals_published_at_the_same_revision()
    {
        var final = new FinalizedDay(Day, Seed, 2, FinalizedAt, null);

        Assert.Equal(new DayPlan(Day, DayAction.MetricsPublished, 2, Seed, Seed, MetricsKind.Totals), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_day_published_to_another_namespace_gets_its_whole_totals_published_to_this_one()
    {
        var final = new FinalizedDay(Day, Seed, 1, FinalizedAt, new PublishedMetrics(Namespace + "/Shadow", Seed));

        Assert.Equal(new DayPlan(Day, DayAction.MetricsPublished, 1, Seed, Seed, MetricsKind.Totals), DayPlan.Decide(Day, new DayLedger(Seed, null, final), Namespace));
    }

    [Fact]
    public void A_revision_after_one_finalized_outside_lambda_publishes_what_the_namespace_lacks_not_the_last_difference()
    {
        // Revision 1 reached CloudWatch (1500/750); revision 2 (1600) was made outside Lambda; now the totals are 1650.
        var revision2 = new DailyTotals(1600m, 750m, 16, 8);
        var final = new FinalizedDay(Day, revision2, 2, FinalizedAt, new PublishedMetrics(Namespace, Seed));
        var running = new DailyTotals(1650m, 750m, 17, 8);

        var plan = DayPlan.Decide(Day, new DayLedger(running, null, final), Namespace);

        Assert.Equal(new DayPlan(Day, DayAction.Revised, 3, running, running - Seed, MetricsKind.Difference), plan);
        Assert.Equal(150m, plan.MetricValues.TotalIssued);
    }
}
