namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// The aggregates table's primary key, in one place: a string partition key <see cref="PartitionKey"/> (the day, or
/// <c>SERVICE</c>) and a string sort key <see cref="SortKey"/> (the item within it). The deployed table
/// (Provisioning), the local world's table and the item codec all take the names from here.
/// </summary>
public static class AggregatesKeySchema
{
    /// <summary>Partition (hash) key attribute, a string.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort (range) key attribute, a string.</summary>
    public const string SortKey = "sk";

    /// <summary>The DynamoDB attribute type of both key attributes: <c>S</c> (string).</summary>
    public const string KeyType = "S";
}
