using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Reliability.IntegrationTests.Surroundings;

/// <summary>
/// The ground truth of a demo run computed without the emulators: its workload replayed into an in-memory table,
/// the items left plus the TTL-expired images, tallied by day. A demo that reports green must agree with it, whatever
/// happened to dynalite and s3rver on the way.
/// </summary>
internal static class IndependentTruth
{
    public static async Task<GroundTruthTally> OfAsync(DemoOptions options, DateInterval days)
    {
        var workload = WorkloadPlan.Generate(options.Workload);
        var table = new RecordingRewardsTable(new InMemoryRewardItemStore(), new LocalStream(), TimeProvider.System);
        foreach (var operation in workload.Operations.OrderBy(o => o.Order))
        {
            await WorkloadRunner.ApplyAsync(table, operation, CancellationToken.None);
        }

        return new GroundTruthTally(options.Workload.TimeZone, days).Tally(table.CurrentItems.Concat(table.ExpiredItems), RewardImageSchema.Default);
    }

    /// <summary>Days where the run's running totals or report differ from the independent truth.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(DemoResult result)
    {
        var days = new DateInterval(result.Days.Min(d => d.Date), result.Days.Max(d => d.Date));
        var truth = await OfAsync(result.Options, days);
        return result.Days
            .Where(d => d.Running != truth.For(d.Date) || (d.Report is { } report && report != truth.For(d.Date)))
            .Select(d => $"{d.Date:yyyy-MM-dd}: running {d.Running}, report {d.Report}, independent truth {truth.For(d.Date)}")
            .ToArray();
    }
}
