using NodaTime;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Local.Tests.Streaming;

/// <summary>A small seeded workload written to an in-memory table and recorded into a local stream.</summary>
internal static class StreamScenario
{
    public static async Task<(WorkloadPlan Workload, LocalStream Stream, RecordingRewardsTable Table, SimulatedClock Clock)> RecordAsync(
        long seed, int rewards = 600, int days = 3, int shards = 3, int recordsPerShard = 120, FaultPlan? faults = null)
    {
        var workload = WorkloadPlan.Generate(new WorkloadOptions { Rewards = rewards, Days = days, Seed = seed, TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] });
        var clock = new SimulatedClock(workload.Operations.Max(o => o.At).ToDateTimeOffset().AddDays(1));
        var stream = new LocalStream(new LocalStreamOptions { ShardCount = shards, RecordsPerShard = recordsPerShard, Seed = seed, Faults = faults });
        var table = new RecordingRewardsTable(new InMemoryRewardItemStore(), stream, clock);
        foreach (var operation in workload.Operations)
        {
            await WorkloadRunner.ApplyAsync(table, operation, CancellationToken.None);
        }

        return (workload, stream, table, clock);
    }
}

/// <summary>A function that records what it was given and answers as told (success by default).</summary>
internal sealed class RecordingFunction : IStreamFunction
{
    private readonly Lock _lock = new();
    private readonly Func<StreamInvocation, StreamFunctionResponse>? _answer;

    public RecordingFunction(Func<StreamInvocation, StreamFunctionResponse>? answer = null) => _answer = answer;

    public List<StreamInvocation> Invocations { get; } = [];

    public Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Invocations.Add(invocation);
        }

        return Task.FromResult(_answer?.Invoke(invocation) ?? StreamFunctionResponse.Success);
    }

    public IReadOnlyList<StreamRecord> RecordsOf(string shardId)
    {
        lock (_lock)
        {
            return Invocations.Where(i => i.ShardId == shardId).SelectMany(i => i.Records).ToArray();
        }
    }
}
