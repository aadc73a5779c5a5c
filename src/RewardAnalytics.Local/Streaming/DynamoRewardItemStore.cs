using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The rewards table on DynamoDB (or dynalite) through the real SDK: <c>ReturnValues = ALL_OLD</c> on every write
/// gives the old image; the new image is the item put, or the old image with the update's literal <c>SET</c> values
/// applied, which is exactly what DynamoDB stores for such an update.
/// </summary>
internal sealed class DynamoRewardItemStore : IRewardItemStore
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;

    /// <summary>The store on the DynamoDB table <paramref name="tableName"/>, keyed by <paramref name="keyAttribute"/>.</summary>
    public DynamoRewardItemStore(IAmazonDynamoDB dynamo, string tableName, string keyAttribute = "rewardId")
    {
        _dynamo = dynamo;
        _tableName = tableName;
        KeyAttributes = [keyAttribute];
    }

    /// <summary><inheritdoc/></summary>
    public IReadOnlyList<string> KeyAttributes { get; }

    /// <summary><inheritdoc/></summary>
    public async Task<ItemWrite> PutAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        var response = await _dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = _tableName,
            Item = item,
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken).ConfigureAwait(false);
        return new ItemWrite(Existing(response.Attributes), AttributeValues.Copy(item));
    }

    /// <summary><inheritdoc/></summary>
    public async Task<ItemWrite> UpdateAsync(
        Dictionary<string, AttributeValue> key, IReadOnlyDictionary<string, AttributeValue> set, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var assignments = new List<string>();
        var i = 0;
        foreach (var (name, value) in set)
        {
            names[$"#a{i}"] = name;
            values[$":v{i}"] = value;
            assignments.Add($"#a{i} = :v{i}");
            i++;
        }

        var response = await _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _tableName,
            Key = key,
            UpdateExpression = "SET " + string.Join(", ", assignments),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken).ConfigureAwait(false);
        var old = Existing(response.Attributes);
        var updated = old is null ? AttributeValues.Copy(key) : AttributeValues.Copy(old);
        foreach (var (name, value) in set)
        {
            updated[name] = AttributeValues.Copy(value);
        }

        return new ItemWrite(old, updated);
    }

    /// <summary><inheritdoc/></summary>
    public async Task<ItemWrite> DeleteAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var response = await _dynamo.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _tableName,
            Key = key,
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken).ConfigureAwait(false);
        return new ItemWrite(Existing(response.Attributes), null);
    }

    private static Dictionary<string, AttributeValue>? Existing(Dictionary<string, AttributeValue>? attributes) =>
        attributes is { Count: > 0 } ? attributes : null;
}
