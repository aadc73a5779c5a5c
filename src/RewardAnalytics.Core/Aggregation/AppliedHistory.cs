using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// What a (day, shard) item knows it has applied: the sequence ranges of its last <see cref="Capacity"/> writes, and a
/// floor below which a record that is in none of them is older than the history can tell apart. AWS processes a
/// shard's records in order the first time only: a retried record that was never applied may arrive after a later
/// record of the same (day, shard) was (the halves of a bisected batch in reverse order). A single high-water mark
/// would drop it as "already applied"; the ranges tell it apart. Immutable.
/// </summary>
public sealed class AppliedHistory
{
    /// <summary>How many applied ranges an item keeps: any of its last 8 batches can be redelivered after later ones.</summary>
    public const int Capacity = 8;

    /// <summary>The stored value of an empty slot.</summary>
    public const string EmptySlot = "-";

    private const string FloorPrefix = "*-";
    private readonly SequenceRange[] _ranges; // disjoint, ascending

    private AppliedHistory(SequenceRange[] ranges, SequenceNumber? floor)
    {
        _ranges = ranges;
        Floor = floor;
    }

    /// <summary>The history of an item nothing was ever applied to.</summary>
    public static AppliedHistory Empty { get; } = new([], null);

    /// <summary>The applied ranges, lowest first.</summary>
    public IReadOnlyList<SequenceRange> Ranges => _ranges;

    /// <summary>A record below this that is in no range is beyond the history (null: the history is complete).</summary>
    public SequenceNumber? Floor { get; }

    /// <summary>
    /// Reads the stored slots (newest first; <see cref="EmptySlot"/> or null when empty, <c>*-N</c> for a floor).
    /// When every slot holds a range, earlier ranges may have been pushed out: the lowest range is the floor. An item
    /// with a watermark and no slots at all is read as one range up to its watermark.
    /// </summary>
    public static AppliedHistory FromSlots(IReadOnlyList<string?> slots, SequenceNumber? lastSequence)
    {
        var ranges = new List<SequenceRange>(Capacity);
        SequenceNumber? floor = null;
        var filled = 0;
        foreach (var slot in slots)
        {
            if (slot is null or EmptySlot)
            {
                continue;
            }

            if (slot.StartsWith(FloorPrefix, StringComparison.Ordinal))
            {
                var below = SequenceNumber.Parse(slot[FloorPrefix.Length..]);
                floor = floor is { } f ? SequenceNumber.Max(f, below) : below;
                continue;
            }

            if (!SequenceRange.TryParse(slot, out var range))
            {
                throw new FormatException($"'{slot}' is not an applied range (first-last) of an aggregates item.");
            }

            ranges.Add(range);
            filled++;
        }

        if (filled == 0 && floor is null && lastSequence is { } last)
        {
            ranges.Add(new SequenceRange(SequenceNumber.MinValue, last));
        }

        var merged = Merge(ranges);
        if (filled >= Capacity && merged.Length > 0)
        {
            floor = floor is { } f ? SequenceNumber.Max(f, merged[0].First) : merged[0].First;
        }

        return new AppliedHistory(merged, floor);
    }

    /// <summary>Where <paramref name="sequence"/> stands: applied, not applied, or beyond what the history can tell.</summary>
    public SequenceState StateOf(SequenceNumber sequence)
    {
        foreach (var range in _ranges)
        {
            if (range.Contains(sequence))
            {
                return SequenceState.Applied;
            }
        }

        return Floor is { } floor && sequence < floor ? SequenceState.BeyondHistory : SequenceState.NotApplied;
    }

    /// <summary>
    /// The history after <paramref name="range"/> was applied: overlapping ranges merge; past <see cref="Capacity"/>
    /// the lowest ranges are pushed out and the floor rises to the lowest one kept.
    /// </summary>
    public AppliedHistory Add(SequenceRange range)
    {
        var merged = Merge([.. _ranges, range]);
        var floor = Floor;
        if (merged.Length > Capacity)
        {
            merged = merged[^Capacity..];
            floor = floor is { } f ? SequenceNumber.Max(f, merged[0].First) : merged[0].First;
        }

        return new AppliedHistory(merged, floor);
    }

    /// <summary>The <see cref="Capacity"/> slots to store, newest (highest) range first, then the floor, then empty ones.</summary>
    public IReadOnlyList<string> ToSlots()
    {
        var slots = new List<string>(Capacity);
        for (var i = _ranges.Length - 1; i >= 0; i--)
        {
            slots.Add(_ranges[i].ToString());
        }

        if (Floor is { } floor && slots.Count < Capacity)
        {
            slots.Add(FloorPrefix + floor);
        }

        while (slots.Count < Capacity)
        {
            slots.Add(EmptySlot);
        }

        return slots;
    }

    private static SequenceRange[] Merge(IEnumerable<SequenceRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.First).ToList();
        var result = new List<SequenceRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (result.Count > 0 && result[^1].Overlaps(range))
            {
                var last = result[^1];
                result[^1] = new SequenceRange(last.First, SequenceNumber.Max(last.Last, range.Last));
            }
            else
            {
                result.Add(range);
            }
        }

        return [.. result];
    }
}
