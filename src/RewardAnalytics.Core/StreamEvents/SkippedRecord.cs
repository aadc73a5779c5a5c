namespace RewardAnalytics.Core.StreamEvents;

/// <summary>A record that could not be read: skipped, counted and logged with what identifies it.</summary>
public sealed record SkippedRecord(string EventId, string EventName, string SequenceNumber, string KeysJson, SkipReason Reason);
