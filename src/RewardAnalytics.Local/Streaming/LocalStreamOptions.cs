using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Local.Streaming;

/// <summary>The shape of the local stream: how many shards carry the keys, when a shard rolls over, the seed.</summary>
public sealed record LocalStreamOptions
{
    /// <summary>Open shards when none is configured.</summary>
    public const int DefaultShardCount = 4;
    /// <summary>Records per shard before rollover when none is configured.</summary>
    public const int DefaultRecordsPerShard = 3_000;

    /// <summary>Keys are spread over this many open shards by a stable hash of the key.</summary>
    public int ShardCount { get; init; } = DefaultShardCount;

    /// <summary>A shard closes after this many records and a child shard continues (DynamoDB rolls shards over about every 4 hours).</summary>
    public int RecordsPerShard { get; init; } = DefaultRecordsPerShard;

    /// <summary>Decides shard ids, event ids and sequence numbers: the same seed and writes give the same stream.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The ARN the stream's records carry.</summary>
    public string StreamArn { get; init; } = StreamEventWriter.DefaultStreamArn;

    /// <summary>Injects poison records into the stream when set (the fault plan's record-level faults).</summary>
    public FaultPlan? Faults { get; init; }

    /// <summary>Checks the values are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (ShardCount is < 1 or > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardCount), ShardCount, "expected 1 to 1000 shards");
        }

        if (RecordsPerShard < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RecordsPerShard), RecordsPerShard, "expected at least 1 record per shard");
        }
    }
}
