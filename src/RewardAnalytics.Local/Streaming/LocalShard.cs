using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// One shard of the local stream: its records in sequence-number order. A shard that reached its size closes and a
/// child (<see cref="ParentShardId"/> set) continues its keys, the way DynamoDB Streams rolls shards over.
/// </summary>
public sealed class LocalShard
{
    private readonly List<StreamRecord> _records = [];

    internal LocalShard(string shardId, string? parentShardId, int partition)
    {
        ShardId = shardId;
        ParentShardId = parentShardId;
        Partition = partition;
    }

    /// <summary>The shard's id, shaped like DynamoDB Streams' (<c>shardId-…</c>).</summary>
    public string ShardId { get; }
    /// <summary>The shard this one continues after rollover, or null for a first-generation shard.</summary>
    public string? ParentShardId { get; }

    /// <summary>Which of the stream's key ranges this shard carries (the same for a parent and its children).</summary>
    public int Partition { get; }

    /// <summary>True once the shard reached its size and a child took over its keys.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The shard's records in sequence-number order.</summary>
    public IReadOnlyList<StreamRecord> Records => _records;

    internal void Add(StreamRecord record) => _records.Add(record);

    internal void Close() => IsClosed = true;
}
