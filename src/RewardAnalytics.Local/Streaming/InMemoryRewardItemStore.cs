using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The rewards table held in memory with DynamoDB's write semantics, for <c>generate</c> (no emulator needed) and for
/// tests of the driver that do not need the wire protocol.
/// </summary>
public sealed class InMemoryRewardItemStore : IRewardItemStore
{
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>An empty store keyed by <paramref name="keyAttribute"/>.</summary>
    public InMemoryRewardItemStore(string keyAttribute = "rewardId") => KeyAttributes = [keyAttribute];

    /// <summary><inheritdoc/></summary>
    public IReadOnlyList<string> KeyAttributes { get; }

    /// <summary>Number of items in the store.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary><inheritdoc/></summary>
    public Task<ItemWrite> PutAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = KeyOf(item);
            _items.TryGetValue(key, out var old);
            _items[key] = AttributeValues.Copy(item);
            return Task.FromResult(new ItemWrite(old, AttributeValues.Copy(item)));
        }
    }

    /// <summary><inheritdoc/></summary>
    public Task<ItemWrite> UpdateAsync(
        Dictionary<string, AttributeValue> key, IReadOnlyDictionary<string, AttributeValue> set, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var text = KeyOf(key);
            _items.TryGetValue(text, out var old);
            var updated = AttributeValues.Copy(old ?? key);
            foreach (var (name, value) in set)
            {
                updated[name] = AttributeValues.Copy(value);
            }

            _items[text] = updated;
            return Task.FromResult(new ItemWrite(old, AttributeValues.Copy(updated)));
        }
    }

    /// <summary><inheritdoc/></summary>
    public Task<ItemWrite> DeleteAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var text = KeyOf(key);
            _items.Remove(text, out var old);
            return Task.FromResult(new ItemWrite(old, null));
        }
    }

    private string KeyOf(Dictionary<string, AttributeValue> item) =>
        AttributeValues.KeyText(KeyAttributes.ToDictionary(k => k, k => item[k]));
}
