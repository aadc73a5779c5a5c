namespace RewardAnalytics.Core.StreamEvents;

/// <summary>A stream record's <c>eventName</c>: what happened to the item.</summary>
public enum ChangeKind
{
    /// <summary>An event name this service does not know; the record is skipped.</summary>
    Unknown,
    /// <summary><c>INSERT</c>: the item was created; its new image is added.</summary>
    Insert,
    /// <summary><c>MODIFY</c>: the item changed; the old image is subtracted and the new one added.</summary>
    Modify,
    /// <summary><c>REMOVE</c>: the item was deleted; its old image is subtracted (unless TTL removed it).</summary>
    Remove,
}
