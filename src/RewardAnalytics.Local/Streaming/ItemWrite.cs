using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>What one write did to one item: its image before and after (null where the item did not exist).</summary>
public sealed record ItemWrite(Dictionary<string, AttributeValue>? OldImage, Dictionary<string, AttributeValue>? NewImage)
{
    /// <summary>DynamoDB Streams writes no record for a write that changed nothing.</summary>
    public bool ChangedSomething => !AttributeValues.ItemsEqual(OldImage, NewImage);
}
