namespace RewardAnalytics.Core.StreamEvents;

/// <summary>What one record has shown so far: where its texts lie in the payload, and what was read of it.</summary>
internal struct RecordParts
{
    public Range EventId;
    public Range EventName;
    public Range EventSource;
    public bool FromDynamoDb;
    public bool FromOtherService;
    public Range Keys;
    public Range ViewType;
    public bool HasViewType;
    public ChangeKind Kind;
    public SequenceNumber? Sequence;
    public RewardImage? OldImage;
    public RewardImage? NewImage;
    public bool IsTtlExpiry;
}
