using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The rewards table as the recorder writes it: every write returns the item's old and new image, the way
/// DynamoDB's <c>ReturnValues</c> gives them, so that the write can be played as a NEW_AND_OLD_IMAGES stream record.
/// </summary>
public interface IRewardItemStore
{
    /// <summary>The table's key attribute names (the rewards table's is <c>rewardId</c>).</summary>
    IReadOnlyList<string> KeyAttributes { get; }

    /// <summary>PutItem: replaces the whole item.</summary>
    Task<ItemWrite> PutAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken);

    /// <summary>UpdateItem with <c>SET</c> of literal values (creates the item when it is missing, as DynamoDB does).</summary>
    Task<ItemWrite> UpdateAsync(Dictionary<string, AttributeValue> key, IReadOnlyDictionary<string, AttributeValue> set, CancellationToken cancellationToken);

    /// <summary>DeleteItem (a user's delete or the TTL process's: the store does not tell them apart, the stream does).</summary>
    Task<ItemWrite> DeleteAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken);
}
