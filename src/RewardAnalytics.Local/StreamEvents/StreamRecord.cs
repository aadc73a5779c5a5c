using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.StreamEvents;

/// <summary>
/// One DynamoDB Streams record as the local stream plays it (NEW_AND_OLD_IMAGES): what the write did, to which
/// key, with which images, at which sequence number of which shard.
/// </summary>
public sealed record StreamRecord(
    string EventId,
    string EventName,
    string SequenceNumber,
    Dictionary<string, AttributeValue> Keys,
    Dictionary<string, AttributeValue>? NewImage,
    Dictionary<string, AttributeValue>? OldImage,
    DateTimeOffset ApproximateCreationDateTime,
    bool TtlExpiry = false)
{
    /// <summary><c>eventName</c> of a record that created an item.</summary>
    public const string Insert = "INSERT";
    /// <summary><c>eventName</c> of a record that changed an item.</summary>
    public const string Modify = "MODIFY";
    /// <summary><c>eventName</c> of a record that deleted an item.</summary>
    public const string Remove = "REMOVE";

    /// <summary>The record's size as DynamoDB Streams reports it: keys plus both images.</summary>
    public int SizeBytes => DynamoItemSize.Of(Keys) + DynamoItemSize.Of(NewImage) + DynamoItemSize.Of(OldImage);
}
