namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// One stream record as read: its sequence number, what happened, whether DynamoDB's TTL did it, and the old and new
/// item images (null when the record carries none). It knows whether it can count (<see cref="SkipReason"/>); what it
/// adds to which day is the fold's (<c>Aggregation.ChangeDelta</c>).
/// </summary>
public readonly record struct StreamChange(
    SequenceNumber Sequence, ChangeKind Kind, bool IsTtlExpiry, RewardImage? OldImage, RewardImage? NewImage)
{
    /// <summary>
    /// Why the record does not count as written (<see cref="SkipReason.None"/> when it does): an image its event needs is
    /// missing, its event name is unknown, or its new image is unreadable. A MODIFY to an unreadable image still takes
    /// the old reward off its day; a REMOVE is judged by nothing new, so an unreadable old image is not reported again.
    /// </summary>
    public SkipReason SkipReason
    {
        get
        {
            var missing = MissingPart;
            if (missing != SkipReason.None || Kind == ChangeKind.Remove)
            {
                return missing;
            }

            return NewImage.GetValueOrDefault().Error;
        }
    }

    /// <summary>
    /// What the record lacks that its event needs (an image, a known event name), or <see cref="SkipReason.None"/> when it
    /// has it. A change that lacks a part touches no day.
    /// </summary>
    public SkipReason MissingPart => Kind switch
    {
        ChangeKind.Insert or ChangeKind.Modify when NewImage is null => SkipReason.MissingNewImage,
        ChangeKind.Modify or ChangeKind.Remove when OldImage is null => SkipReason.MissingOldImage,
        ChangeKind.Unknown => SkipReason.UnknownEventName,
        _ => SkipReason.None,
    };
}
