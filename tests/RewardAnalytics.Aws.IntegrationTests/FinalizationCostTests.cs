using RewardAnalytics.Local.Workload;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Aws.IntegrationTests;

/// <summary>
/// Items read to finalize a day, counted from DynamoDB's ScannedCount on dynalite: the finalizer's Query of the day's
/// aggregates items versus a full Scan of the rewards table. CI measures 2,000 rewards; the benchmark program's
/// <c>--finalization</c> mode measures 100,000 for docs/performance.md.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class FinalizationCostTests(LocalAwsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Finalizing_a_day_reads_its_shard_items_where_a_scan_reads_every_reward()
    {
        const int rewards = 2_000, shards = 4;

        var result = await FinalizationCost.MeasureAsync(fixture.World, rewards, shards, default);

        Figures.Print(output, result.Figures);
        Assert.Equal(result.Scanned, result.Finalized);
        Assert.Equal(rewards, result.ScanItemsRead);
        Assert.InRange(result.FinalizerItemsRead, 1, shards + 2); // shard items, at most a CORRECTION and a FINAL
    }
}
