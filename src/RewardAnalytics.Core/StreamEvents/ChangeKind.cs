namespace RewardAnalytics.Core.StreamEvents;

/// <summary>A stream record's <c>eventName</c>: what happened to the item.</summary>
public enum ChangeKind
{
    /// <summary>An event name this service does not know; the record is skipped.</summary>
    Unknown,
    Insert,
    Modify,
    Remove,
}
