namespace RewardAnalytics.Core.Tests.Events;

/// <summary>One DynamoDB Streams record as a test describes it; <see cref="StreamEventJson"/> writes it as Lambda delivers it.</summary>
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
    public const string Insert = "INSERT";
    public const string Modify = "MODIFY";
    public const string Remove = "REMOVE";
}
