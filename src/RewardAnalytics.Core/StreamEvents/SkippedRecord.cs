namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// A record that could not be read: skipped, counted and logged with what identifies it. <see cref="KeysJson"/> is
/// compact JSON (one line, whatever the input's layout); <see cref="SequenceNumber"/> is empty when the record had none.
/// </summary>
internal sealed record SkippedRecord(string EventId, string EventName, string SequenceNumber, string KeysJson, SkipReason Reason)
{
    /// <summary>For <see cref="SkipReason.RecordMalformed"/>: what in the record's structure could not be read.</summary>
    public string? Problem { get; init; }
}
