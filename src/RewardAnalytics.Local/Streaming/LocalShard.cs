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

    public string ShardId { get; }
    public string? ParentShardId { get; }

    /// <summary>Which of the stream's key ranges this shard carries (the same for a parent and its children).</summary>
    public int Partition { get; }

    public bool IsClosed { get; private set; }

    public IReadOnlyList<StreamRecord> Records => _records;

    internal void Add(StreamRecord record) => _records.Add(record);

    internal void Close() => IsClosed = true;
}
