using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Local.Demo;

/// <summary>What <c>reward-analytics demo</c> runs: the workload, the stream's shape, the faults.</summary>
public sealed record DemoOptions
{
    /// <summary>The writes to make: how many rewards, over how many days, in which time zone, from which seed.</summary>
    public WorkloadOptions Workload { get; init; } = new();

    /// <summary>How many open shards the local stream spreads the keys over.</summary>
    public int Shards { get; init; } = LocalStreamOptions.DefaultShardCount;

    /// <summary>Inject the fault plan (duplicates, crashes, throttling, poison records); <c>--no-faults</c> turns it off.</summary>
    public bool Faults { get; init; } = true;

    /// <summary>The mapping; a failure the fault plan did not inject (an emulator restarting) is retried with backoff, as Lambda does.</summary>
    public DeliverySchedule Delivery { get; init; } = new() { RecordAttempts = false, RetryBackoff = TimeSpan.FromMilliseconds(100) };

    /// <summary>How many writers write the workload at once (each key always on the same one).</summary>
    public int WriterLanes { get; init; } = 8;

    /// <summary>The fault plan the run uses: the default plan for the workload's seed, or none with <c>--no-faults</c>.</summary>
    public FaultPlan FaultPlan => Faults ? FaultPlan.Default(Workload.Seed) : FaultPlan.None;
}
