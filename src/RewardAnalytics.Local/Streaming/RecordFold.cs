using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The local stream's records through the aggregator's own fold (<see cref="ChangeFold"/>, the delta rules of
/// <see cref="ChangeDelta"/>), so checks of what the stream should have added use the same rules as the function,
/// never a parallel copy of them.
/// </summary>
public static class RecordFold
{
    /// <summary>Each day's summed delta over <paramref name="records"/>, each record applied once, in sequence order.</summary>
    public static IReadOnlyDictionary<LocalDate, DailyTotals> DailyDeltas(IEnumerable<StreamRecord> records, RewardImageSchema schema, DateTimeZone zone)
    {
        var changes = records
            .Select(r => ToChange(r, schema))
            .OrderBy(c => c.Sequence)
            .ToArray();
        using var folded = new ChangeFold(zone).Fold(changes);
        return folded.Days.ToDictionary(d => d.Day, d => d.Delta);
    }

    /// <summary>A local stream record as the reader would read it from its event JSON.</summary>
    public static StreamChange ToChange(StreamRecord record, RewardImageSchema schema) => new(
        SequenceNumber.Parse(record.SequenceNumber),
        record.EventName switch
        {
            StreamRecord.Insert => ChangeKind.Insert,
            StreamRecord.Modify => ChangeKind.Modify,
            StreamRecord.Remove => ChangeKind.Remove,
            _ => ChangeKind.Unknown,
        },
        record.TtlExpiry,
        record.OldImage is null ? null : RewardItems.Evaluate(record.OldImage, schema),
        record.NewImage is null ? null : RewardItems.Evaluate(record.NewImage, schema));
}
