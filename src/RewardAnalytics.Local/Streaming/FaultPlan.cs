using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// Which faults the local stream and its delivery suffer, decided by a stable hash of the seed and what is being
/// delivered (shard, first sequence number, size, attempt), never by shared random state: the same seed and the same
/// stream give the same faults, whatever order shards are delivered in. Faults hit only the first
/// <see cref="FaultyAttempts"/> attempts of a batch, so every schedule drains.
/// </summary>
public sealed record FaultPlan
{
    /// <summary>The seed the fault decisions are hashed with.</summary>
    public long Seed { get; init; }
    /// <summary>Share of successful batches delivered again.</summary>
    public double DuplicateDeliveryRate { get; init; }
    /// <summary>Share of attempts that write everything and then die before responding.</summary>
    public double CrashBeforeResponseRate { get; init; }
    /// <summary>Share of attempts that die right after their first aggregate write.</summary>
    public double CrashMidBatchRate { get; init; }
    /// <summary>Share of attempts whose first day write is throttled beyond the SDK's retries.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Share of stream records followed by a poison record (an INSERT whose image cannot be read).</summary>
    public double PoisonRate { get; init; }

    /// <summary>How many attempts of a batch can suffer a fault; later attempts succeed, so every schedule drains.</summary>
    public int FaultyAttempts { get; init; } = 2;

    /// <summary>
    /// Share of bisections whose halves are delivered upper half first. AWS: "Records are always processed in order the
    /// first time. If records are processed more than once, they might be processed out of order."
    /// </summary>
    public double ReversedHalvesRate { get; init; }

    /// <summary>Share of batches after which one of the shard's earlier batches (up to <see cref="StaleRedeliveryDepth"/> back) is delivered again.</summary>
    public double StaleRedeliveryRate { get; init; }

    /// <summary>How many batches back a stale redelivery may reach.</summary>
    public int StaleRedeliveryDepth { get; init; } = 8;

    /// <summary>
    /// Share of batches (of two records or more) whose first delivery fails at every level of a bisection down to its
    /// first record alone: the deepest bisection a batch has (⌈log2 n⌉ levels, the first record kept in the larger half).
    /// Those splits do not count against MaximumRetryAttempts, so the bisection reaches the bottom whatever that is.
    /// </summary>
    public double MaximumDepthBisectionRate { get; init; }

    /// <summary>In a maximum-depth bisection, the upper half goes (and commits) first at every level: the order that leaves the most ranges above the first record.</summary>
    public bool MaximumDepthUpperHalfFirst { get; init; }

    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new();

    /// <summary>The demo's plan: every kind of fault, often enough to be seen in a few thousand invocations.</summary>
    public static FaultPlan Default(long seed) => new()
    {
        Seed = seed,
        DuplicateDeliveryRate = 0.05,
        CrashBeforeResponseRate = 0.03,
        CrashMidBatchRate = 0.03,
        ThrottleRate = 0.04,
        PoisonRate = 0.001,
        ReversedHalvesRate = 0.5,
        StaleRedeliveryRate = 0.02,
    };

    /// <summary>True when any fault has a rate above zero.</summary>
    public bool IsEnabled => DuplicateDeliveryRate + CrashBeforeResponseRate + CrashMidBatchRate + ThrottleRate + PoisonRate + ReversedHalvesRate + StaleRedeliveryRate
        + MaximumDepthBisectionRate > 0;

    /// <summary>True when this batch's first delivery is bisected down to its first record (see <see cref="MaximumDepthBisectionRate"/>).</summary>
    public bool BisectsToMaximumDepth(string shardId, string firstSequenceNumber, int recordCount) =>
        MaximumDepthBisectionRate > 0 && recordCount > 1
        && StableHash.Unit(Seed, "maximum-depth", shardId, firstSequenceNumber, recordCount) < MaximumDepthBisectionRate;

    /// <summary>True when the halves of this bisected batch go upper half first.</summary>
    public bool ReversesHalves(string shardId, string firstSequenceNumber, int recordCount, int attempt) =>
        ReversedHalvesRate > 0 && StableHash.Unit(Seed, "reverse-halves", shardId, firstSequenceNumber, recordCount, attempt) < ReversedHalvesRate;

    /// <summary>
    /// After the batch starting at <paramref name="firstSequenceNumber"/>: how many batches back to redeliver one that
    /// was processed already (1 = the one before it), or 0 for none.
    /// </summary>
    public int StaleRedeliveryAfter(string shardId, string firstSequenceNumber, int recordCount)
    {
        if (StaleRedeliveryRate <= 0 || recordCount == 0 || StableHash.Unit(Seed, "stale", shardId, firstSequenceNumber, recordCount) >= StaleRedeliveryRate)
        {
            return 0;
        }

        return 1 + (int)(StableHash.Of(Seed, "stale-depth", shardId, firstSequenceNumber) % (ulong)Math.Max(1, StaleRedeliveryDepth));
    }

    /// <summary>The fault for one attempt to deliver a batch.</summary>
    public InjectedFault Decide(string shardId, string firstSequenceNumber, int recordCount, int attempt)
    {
        if (attempt >= FaultyAttempts || recordCount == 0)
        {
            return InjectedFault.None;
        }

        var u = StableHash.Unit(Seed, "fault", shardId, firstSequenceNumber, recordCount, attempt);
        if ((u -= DuplicateDeliveryRate) < 0)
        {
            return InjectedFault.DuplicateDelivery;
        }

        if ((u -= CrashBeforeResponseRate) < 0)
        {
            return InjectedFault.CrashBeforeResponse;
        }

        if ((u -= CrashMidBatchRate) < 0)
        {
            return InjectedFault.CrashMidBatch;
        }

        return u - ThrottleRate < 0 ? InjectedFault.Throttle : InjectedFault.None;
    }

    /// <summary>A poison record to put into the stream right after this change, or null.</summary>
    internal PendingRecord? PoisonAfter(PendingRecord change)
    {
        if (change.IsPoison || PoisonRate <= 0 || StableHash.Unit(Seed, "poison", change.Order, change.Sub) >= PoisonRate)
        {
            return null;
        }

        var id = "poison-" + StableHash.Of(Seed, "poison-id", change.Order).ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..12];
        var shape = (int)(StableHash.Of(Seed, "poison-shape", change.Order) % (ulong)MalformedRewards.Count);
        var image = MalformedRewards.Create(shape, id, change.At);
        var keys = new Dictionary<string, AttributeValue> { ["rewardId"] = new() { S = id } };
        return new PendingRecord(change.Order, keys, StreamRecord.Insert, image, null, change.At, Sub: change.Sub + 1, IsPoison: true);
    }
}
