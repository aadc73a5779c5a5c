using System.Globalization;
using System.Numerics;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// DynamoDB Streams played locally (dynalite has none). Writes are recorded as <see cref="PendingRecord"/>s and
/// committed in their order into shards: the shard by a stable hash of the key, a sequence number that increases
/// (21 to 40 digits, like AWS's, crossing into more digits as it grows), an eventID, SizeBytes, and rollover into a
/// child shard. Recording is thread-safe; <see cref="Commit"/> must not overlap a delivery.
/// </summary>
public sealed class LocalStream
{
    private static readonly BigInteger SequenceStart = BigInteger.Pow(10, 20);
    private readonly Lock _lock = new();
    private readonly List<PendingRecord> _pending = [];
    private readonly List<LocalShard> _shards = [];
    private readonly LocalShard?[] _open;
    private readonly int[] _generation;
    private BigInteger _sequence;
    private long _autoOrder = long.MaxValue / 2;
    private int _recordCount;
    private int _poisonCount;

    /// <summary>An empty stream shaped by <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public LocalStream(LocalStreamOptions? options = null)
    {
        Options = options ?? new LocalStreamOptions();
        Options.Validate();
        _open = new LocalShard?[Options.ShardCount];
        _generation = new int[Options.ShardCount];
        _sequence = SequenceStart + (StableHash.Of(Options.Seed, "sequence") % 10_000_000_000_000_000UL);
    }

    /// <summary>The stream's shape: shard count, rollover size, seed, ARN and poison faults.</summary>
    public LocalStreamOptions Options { get; }

    /// <summary>Every shard, parents before their children.</summary>
    public IReadOnlyList<LocalShard> Shards
    {
        get
        {
            lock (_lock)
            {
                return _shards.ToArray();
            }
        }
    }

    /// <summary>Records committed so far (poison records included).</summary>
    public int RecordCount => Volatile.Read(ref _recordCount);

    /// <summary>Poison records the fault plan put into the stream.</summary>
    public int PoisonCount => Volatile.Read(ref _poisonCount);

    /// <summary>Every committed record, shard by shard.</summary>
    public IEnumerable<StreamRecord> Records => Shards.SelectMany(s => s.Records);

    /// <summary>An order for a write that has none of its own: after every explicitly ordered write so far.</summary>
    public long NextOrder() => Interlocked.Increment(ref _autoOrder);

    /// <summary>Records a write's change; it gets its shard and sequence number at the next <see cref="Commit"/>.</summary>
    internal void Record(PendingRecord change)
    {
        lock (_lock)
        {
            _pending.Add(change);
        }
    }

    /// <summary>Places the recorded changes in order into the shards; returns the records this added.</summary>
    public IReadOnlyList<StreamRecord> Commit()
    {
        lock (_lock)
        {
            var changes = _pending.OrderBy(c => c.Order).ThenBy(c => c.Sub).ToList();
            _pending.Clear();
            var added = new List<StreamRecord>(changes.Count);
            foreach (var change in changes)
            {
                added.Add(Append(change));
                if (Options.Faults?.PoisonAfter(change) is { } poison)
                {
                    added.Add(Append(poison));
                    _poisonCount++;
                }
            }

            return added;
        }
    }

    /// <summary>The partition (and so the shard) a key belongs to.</summary>
    public int PartitionOf(IReadOnlyDictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> keys) =>
        (int)(StableHash.Of("partition", AttributeValues.KeyText(keys)) % (ulong)Options.ShardCount);

    private StreamRecord Append(PendingRecord change)
    {
        var partition = PartitionOf(change.Keys);
        var shard = ShardFor(partition, change.At);
        _sequence += 100_000_000_000_000UL + (StableHash.Of(Options.Seed, "stride", _recordCount) % 100_000_000_000_000_000UL);
        var record = new StreamRecord(
            EventId(change),
            change.EventName,
            _sequence.ToString(CultureInfo.InvariantCulture),
            AttributeValues.Copy(change.Keys),
            change.NewImage,
            change.OldImage,
            change.At,
            change.TtlExpiry);
        shard.Add(record);
        _recordCount++;
        return record;
    }

    private LocalShard ShardFor(int partition, DateTimeOffset at)
    {
        var current = _open[partition];
        if (current is not null && current.Records.Count < Options.RecordsPerShard)
        {
            return current;
        }

        current?.Close();
        var generation = _generation[partition]++;
        var suffix = StableHash.Of(Options.Seed, "shard", partition, generation).ToString("x16", CultureInfo.InvariantCulture)[..8];
        var child = new LocalShard($"shardId-{at.ToUnixTimeMilliseconds():D20}-{suffix}", current?.ShardId, partition);
        _open[partition] = child;
        _shards.Add(child);
        return child;
    }

    private string EventId(PendingRecord change) =>
        StableHash.Of(Options.Seed, "event", change.Order, change.Sub).ToString("x16", CultureInfo.InvariantCulture)
        + StableHash.Of(Options.Seed, "event-low", change.Order, change.Sub).ToString("x16", CultureInfo.InvariantCulture);
}
