using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// What a (day, shard) item knows it has applied: the sequence ranges of its last <see cref="Capacity"/> writes, and a
/// floor below which a record that is in none of them is older than the history can tell apart. AWS processes a
/// shard's records in order the first time only: a retried record that was never applied may arrive after a later
/// record of the same (day, shard) was (the halves of a bisected batch in reverse order). A single high-water mark
/// would drop it as "already applied"; the ranges tell it apart. Immutable.
/// </summary>
/// <remarks>
/// Sized from the largest batch: bisecting a batch of <see cref="MaxBatchSize"/> records leaves at most
/// <see cref="MaxBisectionDepth"/> ranges applied above a record that is still to come (one sibling half per level), and
/// the history needs one slot more than that, for a range below it, to keep its floor under it
/// (docs/stream-aggregator.md, "No bisection depth loses a record").
/// </remarks>
public sealed class AppliedHistory
{
    /// <summary>Lambda's largest <c>BatchSize</c> for a DynamoDB stream: the largest batch the history is sized for.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>How many times Lambda can halve a batch of <see cref="MaxBatchSize"/> records: ⌈log2 10,000⌉.</summary>
    public const int MaxBisectionDepth = 14;

    /// <summary>How many applied ranges an item keeps: every range a full-depth bisection applies above a record, plus one below it.</summary>
    public const int Capacity = MaxBisectionDepth + 1;

    /// <summary>
    /// The history's size before it was sized from the largest batch. An in-order write to an item written then moves
    /// its last old range into slot <c>h8</c> and has nothing to move into the slots after it: it fills them with
    /// <see cref="UnknownSlot"/>, so a full old history keeps the floor it implied.
    /// </summary>
    public const int LegacyCapacity = 8;

    /// <summary>The stored value of an empty slot: the history before it is complete.</summary>
    public const string EmptySlot = "-";

    /// <summary>The stored value of a slot whose earlier content is not known (a slot past <see cref="LegacyCapacity"/> on an item written when the history was smaller).</summary>
    public const string UnknownSlot = "?";

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

    /// <summary>How many times Lambda can halve a failing batch of <paramref name="batchSize"/> records before it is down to single records: ⌈log2 n⌉.</summary>
    public static int BisectionDepth(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var depth = 0;
        for (var size = batchSize; size > 1; size = (size + 1) / 2)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>
    /// Reads the stored slots (newest first; <see cref="EmptySlot"/> when empty, <c>*-N</c> for a floor, null or
    /// <see cref="UnknownSlot"/> when not known). The history is known complete only when a slot says so (an empty slot
    /// or a floor); otherwise earlier ranges may have been pushed out and the lowest range is the floor. An item with a
    /// watermark and no slots at all is read as one range up to its watermark.
    /// </summary>
    public static AppliedHistory FromSlots(IReadOnlyList<string?> slots, SequenceNumber? lastSequence)
    {
        var ranges = new List<SequenceRange>(Capacity);
        SequenceNumber? floor = null;
        var filled = 0;
        var complete = false;
        foreach (var slot in slots)
        {
            if (slot is null or UnknownSlot)
            {
                continue;
            }

            if (slot == EmptySlot)
            {
                complete = true;
                continue;
            }

            if (slot.StartsWith(FloorPrefix, StringComparison.Ordinal))
            {
                var below = SequenceNumber.Parse(slot[FloorPrefix.Length..]);
                floor = floor is { } f ? SequenceNumber.Max(f, below) : below;
                complete = true;
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
        if (!complete && filled > 0)
        {
            floor = floor is { } f ? SequenceNumber.Max(f, merged[0].First) : merged[0].First;
        }

        return new AppliedHistory(merged, floor);
    }

    /// <summary>Where <paramref name="sequence"/> stands: applied, not applied, or beyond what the history can tell.</summary>
    internal SequenceState StateOf(SequenceNumber sequence)
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
