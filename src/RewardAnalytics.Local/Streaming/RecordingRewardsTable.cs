using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The rewards table with the stream switched on: every Put, Update, Delete and TTL expiry goes to the store and is
/// recorded, with the images the store returned, as a change in the <see cref="LocalStream"/>. A write that changes
/// nothing records nothing (as DynamoDB Streams). It also mirrors the table's current items and keeps the images
/// the TTL process removed, which are history the totals keep (docs/stream-aggregator.md: a TTL expiry changes no total).
/// </summary>
public sealed class RecordingRewardsTable
{
    private readonly IRewardItemStore _store;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _mirror = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, AttributeValue>> _expired = [];
    private readonly bool _mirrors;
    private int _writes;

    /// <summary>
    /// The table on <paramref name="store"/>, recording into <paramref name="stream"/>; <paramref name="clock"/> stamps
    /// writes that carry no time. Without <paramref name="mirror"/> the table's items and TTL history are not kept
    /// (<see cref="CurrentItems"/> and <see cref="ExpiredItems"/> stay empty): a copy of every item less, for a caller
    /// that needs only the stream (<c>generate</c>).
    /// </summary>
    public RecordingRewardsTable(IRewardItemStore store, LocalStream stream, TimeProvider clock, bool mirror = true)
    {
        _store = store;
        Stream = stream;
        _clock = clock;
        _mirrors = mirror;
    }

    /// <summary>The stream the table's writes are recorded into.</summary>
    public LocalStream Stream { get; }

    /// <summary>Writes sent to the table.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The table's items as the recorder last saw them (a copy).</summary>
    public IReadOnlyList<Dictionary<string, AttributeValue>> CurrentItems
    {
        get
        {
            lock (_lock)
            {
                return _mirror.Values.ToArray();
            }
        }
    }

    /// <summary>The last images of items the TTL process removed.</summary>
    public IReadOnlyList<Dictionary<string, AttributeValue>> ExpiredItems
    {
        get
        {
            lock (_lock)
            {
                return _expired.ToArray();
            }
        }
    }

    /// <summary>
    /// PutItem through the store, recorded as a change at stream position <paramref name="order"/> (the next free one
    /// when null) and time <paramref name="at"/> (the clock's now when null).
    /// </summary>
    public async Task<ItemWrite> PutAsync(Dictionary<string, AttributeValue> item, long? order = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var write = await _store.PutAsync(item, cancellationToken).ConfigureAwait(false);
        Recorded(KeyOf(item), write, order, at, ttlExpiry: false);
        return write;
    }

    /// <summary>UpdateItem with <c>SET</c> through the store, recorded as a change; <c>order</c> and <c>at</c> as for <see cref="PutAsync"/>.</summary>
    public async Task<ItemWrite> UpdateAsync(
        Dictionary<string, AttributeValue> key, IReadOnlyDictionary<string, AttributeValue> set, long? order = null, DateTimeOffset? at = null,
        CancellationToken cancellationToken = default)
    {
        var write = await _store.UpdateAsync(key, set, cancellationToken).ConfigureAwait(false);
        Recorded(key, write, order, at, ttlExpiry: false);
        return write;
    }

    /// <summary>DeleteItem through the store, recorded as a user's REMOVE; <c>order</c> and <c>at</c> as for <see cref="PutAsync"/>.</summary>
    public async Task<ItemWrite> DeleteAsync(Dictionary<string, AttributeValue> key, long? order = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var write = await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        Recorded(key, write, order, at, ttlExpiry: false);
        return write;
    }

    /// <summary>The TTL process deleting an expired item: a REMOVE whose userIdentity is the DynamoDB service.</summary>
    public async Task<ItemWrite> ExpireAsync(Dictionary<string, AttributeValue> key, long? order = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var write = await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        Recorded(key, write, order, at, ttlExpiry: true);
        return write;
    }

    private void Recorded(Dictionary<string, AttributeValue> key, ItemWrite write, long? order, DateTimeOffset? at, bool ttlExpiry)
    {
        Interlocked.Increment(ref _writes);
        if (_mirrors)
        {
            Mirror(key, write, ttlExpiry);
        }

        if (write.ChangedSomething)
        {
            Stream.Record(PendingRecord.FromWrite(order ?? Stream.NextOrder(), AttributeValues.Copy(key), write, at ?? _clock.GetUtcNow(), ttlExpiry));
        }
    }

    private void Mirror(Dictionary<string, AttributeValue> key, ItemWrite write, bool ttlExpiry)
    {
        var text = AttributeValues.KeyText(key);
        lock (_lock)
        {
            if (write.NewImage is null)
            {
                _mirror.Remove(text);
                if (ttlExpiry && write.OldImage is not null)
                {
                    _expired.Add(AttributeValues.Copy(write.OldImage));
                }
            }
            else
            {
                _mirror[text] = AttributeValues.Copy(write.NewImage);
            }
        }
    }

    private Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) =>
        _store.KeyAttributes.ToDictionary(name => name, name => item[name]);
}
