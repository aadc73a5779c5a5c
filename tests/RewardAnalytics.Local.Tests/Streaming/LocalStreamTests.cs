using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Local.Tests.Streaming;

/// <summary>The stream a workload's writes are recorded into.</summary>
public sealed class LocalStreamTests
{
    [Fact]
    public async Task The_same_seed_records_the_same_stream()
    {
        var (workload, stream, _, _) = await StreamScenario.RecordAsync(seed: 9, faults: FaultPlan.Default(9) with { PoisonRate = 0.02 });
        var (workload2, stream2, _, _) = await StreamScenario.RecordAsync(seed: 9, faults: FaultPlan.Default(9) with { PoisonRate = 0.02 });
        stream.Commit();
        stream2.Commit();

        Assert.Equal(workload.Operations.Select(o => (o.Order, o.Kind, o.RewardId, o.At)), workload2.Operations.Select(o => (o.Order, o.Kind, o.RewardId, o.At)));
        Assert.Equal(Describe(stream), Describe(stream2));
        Assert.True(stream.PoisonCount > 0);
    }

    private static string[] Describe(LocalStream stream) => stream.Shards
        .SelectMany(s => s.Records.Select(r => $"{s.ShardId} {s.ParentShardId} {r.SequenceNumber} {r.EventId} {r.EventName} {r.Keys["rewardId"].S} {r.SizeBytes} {r.TtlExpiry}"))
        .ToArray();
}
