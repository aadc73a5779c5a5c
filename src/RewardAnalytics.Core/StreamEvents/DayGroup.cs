using NodaTime;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// One day's share of one batch from one shard: the summed delta and the range of sequence numbers it covers.
/// It is written as one conditional update guarded by the (day, shard) watermark.
/// </summary>
public sealed class DayGroup
{
    private readonly StreamBatch _batch;

    internal DayGroup(StreamBatch batch, LocalDate day, DailyTotals delta, DailyTotals expired, SequenceNumber first, SequenceNumber last, int entries)
    {
        _batch = batch;
        Day = day;
        Delta = delta;
        Expired = expired;
        FirstSequence = first;
        LastSequence = last;
        EntryCount = entries;
    }

    public LocalDate Day { get; }
    public DailyTotals Delta { get; }

    /// <summary>What TTL expiries in this group removed from the table (not from the totals).</summary>
    public DailyTotals Expired { get; }
    public SequenceNumber FirstSequence { get; }
    public SequenceNumber LastSequence { get; }
    public int EntryCount { get; }

    /// <summary>
    /// The part of this group that <paramref name="history"/> has not applied (null when nothing is left), and how
    /// many entries it had applied or could no longer tell apart.
    /// </summary>
    public DayGroup? Pending(AppliedHistory history, out HistoryOverlap overlap) => _batch.PendingFor(Day, history, out overlap);

    /// <summary>The sequence range this group covers, as an item's applied history records it.</summary>
    public SequenceRange Range => new(FirstSequence, LastSequence);
}
