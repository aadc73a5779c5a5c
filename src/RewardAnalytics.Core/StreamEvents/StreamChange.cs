namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// One stream record as read, before any rule is applied: its sequence number, what happened, whether DynamoDB's TTL
/// did it, and the old and new item images (null when the record carries none). The fold
/// (<c>Aggregation.ChangeDelta</c>) decides what it adds to which day.
/// </summary>
public readonly record struct StreamChange(
    SequenceNumber Sequence, ChangeKind Kind, bool IsTtlExpiry, RewardImage? OldImage, RewardImage? NewImage);
