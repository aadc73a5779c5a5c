using System.Buffers;
using System.Runtime.InteropServices;
using NodaTime;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>A parsed tumbling-window invocation from one shard, folded into per-record deltas.</summary>
public sealed class StreamBatch : IDisposable
{
    private DeltaEntry[] _entries;
    private readonly int _entryCount;
    private List<DayGroup>? _days;

    internal StreamBatch(
        StreamEnvelope envelope, DeltaEntry[] entries, int entryCount, IReadOnlyList<SkippedRecord> skipped,
        int recordCount, int ttlRemovals, SequenceNumber? lastSequence)
    {
        Envelope = envelope;
        _entries = entries;
        _entryCount = entryCount;
        Skipped = skipped;
        RecordCount = recordCount;
        TtlRemovals = ttlRemovals;
        LastSequence = lastSequence;
    }

    public StreamEnvelope Envelope { get; }
    public string ShardId => Envelope.ShardId;
    public int RecordCount { get; }
    public int TtlRemovals { get; }
    public IReadOnlyList<SkippedRecord> Skipped { get; }
    public SequenceNumber? LastSequence { get; }
    public ReadOnlySpan<DeltaEntry> Entries => _entries.AsSpan(0, _entryCount);

    /// <summary>
    /// The days this batch has entries for, each with its summed delta, in date order. A day whose entries cancel
    /// out is kept: its write still moves the (day, shard) watermark past those records, so a retry from a later
    /// failure point cannot re-apply half of them.
    /// </summary>
    public IReadOnlyList<DayGroup> Days => _days ??= BuildDays();

    /// <summary>Returns the pooled entry buffer; the batch must not be used afterwards.</summary>
    public void Dispose()
    {
        var entries = Interlocked.Exchange(ref _entries, []);
        if (entries.Length > 0)
        {
            ArrayPool<DeltaEntry>.Shared.Return(entries);
        }
    }

    internal DayGroup? PendingFor(LocalDate day, AppliedHistory history, out HistoryOverlap overlap)
    {
        var delta = DailyTotals.Zero;
        var expired = DailyTotals.Zero;
        SequenceNumber? first = null;
        var last = SequenceNumber.MinValue;
        var count = 0;
        overlap = default;
        foreach (ref readonly var e in Entries)
        {
            if (e.Day != day)
            {
                continue;
            }

            switch (history.StateOf(e.Sequence))
            {
                case SequenceState.Applied:
                    overlap = overlap.WithApplied();
                    continue;
                case SequenceState.BeyondHistory:
                    overlap = overlap.WithBeyondHistory(e.Sequence);
                    continue;
            }

            delta += e.Delta;
            expired += e.Expired;
            first = first is { } f ? SequenceNumber.Min(f, e.Sequence) : e.Sequence;
            last = SequenceNumber.Max(last, e.Sequence);
            count++;
        }

        return count == 0 ? null : new DayGroup(this, day, delta, expired, first!.Value, last, count);
    }

    private List<DayGroup> BuildDays()
    {
        // One pass over the entries; a batch touches a handful of days, so a linear search of them beats hashing.
        var sums = new List<DaySum>(4);
        foreach (ref readonly var e in Entries)
        {
            var sumsSpan = CollectionsMarshal.AsSpan(sums);
            var i = 0;
            while (i < sumsSpan.Length && sumsSpan[i].Day != e.Day)
            {
                i++;
            }

            if (i == sumsSpan.Length)
            {
                sums.Add(new DaySum(e.Day, e.Sequence));
                sumsSpan = CollectionsMarshal.AsSpan(sums);
            }

            sumsSpan[i].Add(e);
        }

        sums.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        var groups = new List<DayGroup>(sums.Count);
        foreach (var sum in sums)
        {
            groups.Add(new DayGroup(this, sum.Day, sum.Delta, sum.Expired, sum.First, sum.Last, sum.Count));
        }

        return groups;
    }

    /// <summary>One day's running sum while the entries are grouped.</summary>
    private struct DaySum(LocalDate day, SequenceNumber first)
    {
        public readonly LocalDate Day = day;
        public DailyTotals Delta;
        public DailyTotals Expired;
        public SequenceNumber First = first;
        public SequenceNumber Last = first;
        public int Count;

        public void Add(in DeltaEntry e)
        {
            Delta += e.Delta;
            Expired += e.Expired;
            First = SequenceNumber.Min(First, e.Sequence);
            Last = SequenceNumber.Max(Last, e.Sequence);
            Count++;
        }
    }
}
