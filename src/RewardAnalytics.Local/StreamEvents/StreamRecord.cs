using Amazon.DynamoDBv2.Model;
using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Local.StreamEvents;

/// <summary>
/// One DynamoDB Streams record as the local stream plays it (NEW_AND_OLD_IMAGES): what the write did, to which
/// key, with which images (as the SDK's items, like the table it mirrors), at which sequence number of which shard.
/// <see cref="ToEventRecord"/> gives it to <see cref="StreamEventWriter"/>.
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
    public const string Insert = StreamEventRecord.Insert;
    /// <summary><c>eventName</c> of a record that changed an item.</summary>
    public const string Modify = StreamEventRecord.Modify;
    /// <summary><c>eventName</c> of a record that deleted an item.</summary>
    public const string Remove = StreamEventRecord.Remove;

    /// <summary>The record's size as DynamoDB Streams reports it: keys plus both images.</summary>
    public int SizeBytes => ToEventRecord().SizeBytes;

    /// <summary>The record as the event writer takes it, its items converted from the SDK's values.</summary>
    public StreamEventRecord ToEventRecord() => new(
        EventId, EventName, SequenceNumber, DynamoValues.From(Keys), DynamoValues.From(NewImage), DynamoValues.From(OldImage),
        ApproximateCreationDateTime, TtlExpiry);

    /// <summary>The tumbling-window event of <paramref name="records"/> (see <see cref="StreamEventWriter.Write"/>).</summary>
    public static byte[] WriteEvent(
        string shardId,
        IEnumerable<StreamRecord> records,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        bool isFinalInvokeForWindow = false,
        string streamArn = StreamEventWriter.DefaultStreamArn) =>
        StreamEventWriter.Write(shardId, records.Select(r => r.ToEventRecord()), windowStart, windowEnd, isFinalInvokeForWindow, streamArn);
}
