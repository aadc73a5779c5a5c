using System.Buffers;
using System.Runtime.InteropServices;
using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// Folds a batch's changes into per-day groups by the rules of <see cref="ChangeDelta"/>, computing each image's day in
/// the report time zone. Every group gets its own pooled entry array, so nothing it holds points into the changes.
/// Thread-safe; holds no per-call state.
/// </summary>
public sealed class ChangeFold
{
    private readonly DateTimeZone _zone;

    /// <summary>A fold that files each image under its calendar day in <paramref name="zone"/> (the report time zone).</summary>
    public ChangeFold(DateTimeZone zone)
    {
        _zone = zone;
    }

    /// <summary>Folds one batch's changes into day groups; dispose the result once its groups are written.</summary>
    public FoldedBatch Fold(ReadOnlySpan<StreamChange> changes)
    {
        // A batch touches a handful of days, so a linear search of them beats hashing.
        var days = new List<DayAccumulator>(4);
        var zoneDays = new ZoneDayCache(_zone);
        var ttlRemovals = 0;
        try
        {
            foreach (ref readonly var change in changes)
            {
                if (ChangeDelta.IsExpiry(change))
                {
                    ttlRemovals++;
                }

                var entries = ChangeDelta.Apply(change, ref zoneDays, out var first, out var second);
                if (entries > 0)
                {
                    Add(days, first);
                }

                if (entries > 1)
                {
                    Add(days, second);
                }
            }
        }
        catch
        {
            foreach (var day in days)
            {
                ArrayPool<DeltaEntry>.Shared.Return(day.Entries);
            }

            throw;
        }

        days.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        var groups = new DayGroup[days.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            var d = days[i];
            groups[i] = new DayGroup(d.Day, d.Entries, d.Count, pooled: true, d.Delta, d.Expired, d.First, d.Last) { ZoneId = _zone.Id };
        }

        return new FoldedBatch(groups, ttlRemovals);
    }

    private static void Add(List<DayAccumulator> days, in DeltaEntry entry)
    {
        var span = CollectionsMarshal.AsSpan(days);
        var i = 0;
        while (i < span.Length && span[i].Day != entry.Day)
        {
            i++;
        }

        if (i == span.Length)
        {
            days.Add(new DayAccumulator(entry.Day, entry.Sequence, ArrayPool<DeltaEntry>.Shared.Rent(16)));
            span = CollectionsMarshal.AsSpan(days);
        }

        span[i].Add(entry);
    }

    /// <summary>One day's entries and running sums while the changes are folded.</summary>
    private struct DayAccumulator(LocalDate day, SequenceNumber first, DeltaEntry[] entries)
    {
        public readonly LocalDate Day = day;
        public DeltaEntry[] Entries = entries;
        public int Count;
        public DailyTotals Delta;
        public DailyTotals Expired;
        public SequenceNumber First = first;
        public SequenceNumber Last = first;

        public void Add(in DeltaEntry e)
        {
            if (Count == Entries.Length)
            {
                var bigger = ArrayPool<DeltaEntry>.Shared.Rent(Entries.Length * 2);
                Entries.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<DeltaEntry>.Shared.Return(Entries);
                Entries = bigger;
            }

            Entries[Count++] = e;
            Delta += e.Delta;
            Expired += e.Expired;
            First = SequenceNumber.Min(First, e.Sequence);
            Last = SequenceNumber.Max(Last, e.Sequence);
        }
    }
}
