using System.Buffers;
using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// One day's share of one batch from one shard: its own delta entries, their summed delta and the range of sequence
/// numbers they cover. It is written as one conditional update guarded by the (day, shard) watermark, and it holds
/// everything that write needs to keep only what an item's history has not applied.
/// </summary>
public sealed class DayGroup
{
    private readonly int _count;
    private readonly bool _pooled;
    private DeltaEntry[]? _entries;

    internal DayGroup(
        LocalDate day, DeltaEntry[] entries, int count, bool pooled,
        DailyTotals delta, DailyTotals expired, SequenceNumber first, SequenceNumber last)
    {
        Day = day;
        _entries = entries;
        _count = count;
        _pooled = pooled;
        Delta = delta;
        Expired = expired;
        FirstSequence = first;
        LastSequence = last;
        foreach (ref readonly var entry in entries.AsSpan(0, count))
        {
            if (entry.Expired.IsZero)
            {
                ChangeCount++;
            }
        }
    }

    /// <summary>The calendar day (report time zone) this group's entries count toward.</summary>
    public LocalDate Day { get; }

    /// <summary>The report time zone's IANA id the day was computed in (recorded on the item, so another zone's reader refuses the day); null when unknown.</summary>
    public string? ZoneId { get; init; }
    /// <summary>The group's summed change to the day's totals: what its one conditional write adds.</summary>
    public DailyTotals Delta { get; }

    /// <summary>What TTL expiries in this group removed from the table (not from the totals).</summary>
    public DailyTotals Expired { get; }
    /// <summary>The lowest sequence number in the group: the write's condition requires the item's watermark to be below it.</summary>
    public SequenceNumber FirstSequence { get; }
    /// <summary>The highest sequence number in the group: the watermark the write sets.</summary>
    public SequenceNumber LastSequence { get; }
    /// <summary>Number of delta entries (records) in the group.</summary>
    public int EntryCount => _count;

    /// <summary>Entries that are changes to the totals: every entry but the TTL expiries (which are tallied apart).</summary>
    public int ChangeCount { get; }

    /// <summary>The sequence range this group covers, as an item's applied history records it.</summary>
    public SequenceRange Range => new(FirstSequence, LastSequence);

    /// <summary>The group's entries, in the order of their records.</summary>
    internal ReadOnlySpan<DeltaEntry> Entries =>
        (_entries ?? throw new ObjectDisposedException(nameof(DayGroup), "The day group's entries went back to the pool when its FoldedBatch was disposed."))
        .AsSpan(0, _count);

    /// <summary>
    /// The part of this group that <paramref name="history"/> has not applied (null when nothing is left), and how
    /// many entries it had applied or could no longer tell apart. The part owns a copy of its entries.
    /// </summary>
    public DayGroup? Pending(AppliedHistory history, out HistoryOverlap overlap)
    {
        overlap = default;
        DeltaEntry[]? kept = null;
        var count = 0;
        var delta = DailyTotals.Zero;
        var expired = DailyTotals.Zero;
        SequenceNumber first = default, last = default;
        foreach (ref readonly var e in Entries)
        {
            switch (history.StateOf(e.Sequence))
            {
                case SequenceState.Applied:
                    overlap = overlap.WithApplied();
                    continue;
                case SequenceState.BeyondHistory:
                    overlap = overlap.WithBeyondHistory(e.Sequence);
                    continue;
            }

            kept ??= new DeltaEntry[_count];
            kept[count++] = e;
            delta += e.Delta;
            expired += e.Expired;
            first = count == 1 ? e.Sequence : SequenceNumber.Min(first, e.Sequence);
            last = count == 1 ? e.Sequence : SequenceNumber.Max(last, e.Sequence);
        }

        return kept is null ? null : new DayGroup(Day, kept, count, pooled: false, delta, expired, first, last) { ZoneId = ZoneId };
    }

    /// <summary>Gives a pooled entry array back; the group's entries cannot be read afterwards.</summary>
    internal void ReturnEntries()
    {
        if (Interlocked.Exchange(ref _entries, null) is { } entries && _pooled)
        {
            ArrayPool<DeltaEntry>.Shared.Return(entries);
        }
    }
}
