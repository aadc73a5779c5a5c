namespace RewardAnalytics.StreamEvents.Writer;

/// <summary>
/// One DynamoDB Streams record as <see cref="StreamEventWriter"/> writes it (view type NEW_AND_OLD_IMAGES): what the
/// write did, to which key, with which images, at which sequence number; a TTL expiry carries the service identity.
/// </summary>
public sealed record StreamEventRecord(
    string EventId,
    string EventName,
    string SequenceNumber,
    IReadOnlyDictionary<string, DynamoValue> Keys,
    IReadOnlyDictionary<string, DynamoValue>? NewImage,
    IReadOnlyDictionary<string, DynamoValue>? OldImage,
    DateTimeOffset ApproximateCreationDateTime,
    bool TtlExpiry = false)
{
    /// <summary><c>eventName</c> of a record that created an item.</summary>
    public const string Insert = "INSERT";
    /// <summary><c>eventName</c> of a record that changed an item.</summary>
    public const string Modify = "MODIFY";
    /// <summary><c>eventName</c> of a record that deleted an item.</summary>
    public const string Remove = "REMOVE";

    /// <summary>The record's size as DynamoDB Streams reports it (<c>SizeBytes</c>): keys plus both images.</summary>
    public int SizeBytes => DynamoItemSize.Of(Keys) + DynamoItemSize.Of(NewImage) + DynamoItemSize.Of(OldImage);
}
