using System.Globalization;
using CsCheck;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>
/// The applied history of a (day, shard) item tells a never-applied record from a redelivered one, whatever order
/// AWS redelivers in, and says when a record is older than it can tell apart. No bisection depth loses a record: a
/// failing batch of any size Lambda allows, bisected down to one record with the halves of every level in either order,
/// counts each of its records once. The item is played as the aggregates table stores it (slots written by the in-order
/// shift or after a read, sequence numbers of DynamoDB's 21 digits), so the history's size, its floor and its stored
/// form are all on trial.
/// </summary>
public sealed class AppliedHistoryTests
{
    private static SequenceNumber S(long n) => SequenceNumber.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static SequenceRange R(long first, long last) => new(S(first), S(last));

    [Fact]
    public void A_record_between_two_applied_ranges_is_not_applied()
    {
        var history = AppliedHistory.Empty.Add(R(1, 5)).Add(R(11, 15));

        Assert.Equal(
            [SequenceState.Applied, SequenceState.NotApplied, SequenceState.Applied, SequenceState.NotApplied],
            new[] { 3L, 8, 15, 16 }.Select(n => history.StateOf(S(n))));
        Assert.Null(history.Floor);
    }

    [Fact]
    public void Overlapping_ranges_merge_and_past_capacity_the_oldest_leave_and_raise_the_floor()
    {
        var history = AppliedHistory.Empty.Add(R(1, 5)).Add(R(3, 8));
        Assert.Equal([R(1, 8)], history.Ranges);

        for (var b = 1; b <= AppliedHistory.Capacity; b++)
        {
            history = history.Add(R(b * 10, (b * 10) + 5));
        }

        Assert.Equal(AppliedHistory.Capacity, history.Ranges.Count);
        Assert.Equal(S(10), history.Floor);
        Assert.Equal(SequenceState.BeyondHistory, history.StateOf(S(4)));
        Assert.Equal(SequenceState.NotApplied, history.StateOf(S(17)));
    }

    [Fact]
    public void Slots_round_trip_newest_first_with_the_floor_after_the_ranges()
    {
        var history = AppliedHistory.Empty;
        for (var b = 0; b <= AppliedHistory.Capacity; b++)
        {
            history = history.Add(R((b * 10) + 1, (b * 10) + 2));
        }

        history = history.Add(R(3, 155)); // a merge after a read: fewer ranges than slots, the floor kept
        var slots = history.ToSlots();

        Assert.Equal(["3-155", "*-11", .. Enumerable.Repeat("-", AppliedHistory.Capacity - 2)], slots);
        var read = AppliedHistory.FromSlots(slots, S(155));
        Assert.Equal(history.Ranges, read.Ranges);
        Assert.Equal(history.Floor, read.Floor);
    }

    [Fact]
    public void Slots_that_are_all_ranges_are_read_with_the_lowest_range_as_floor()
    {
        string[] slots = ["71-72", "61-62", "51-52", "41-42", "31-32", "21-22", "11-12", "1-2"];

        var history = AppliedHistory.FromSlots(slots, S(72));

        Assert.Equal(S(1), history.Floor);
        Assert.Equal(SequenceState.NotApplied, history.StateOf(S(5)));
        Assert.Equal(SequenceState.BeyondHistory, history.StateOf(S(0)));
    }

    [Fact]
    public void A_full_history_of_the_old_size_shifted_once_by_an_in_order_write_keeps_its_floor()
    {
        // Written when the history had 8 slots, then shifted by one in-order write: h8 took h7, h9.. had nothing to take.
        string?[] slots = ["81-82", "71-72", "61-62", "51-52", "41-42", "31-32", "21-22", "11-12", "1-2",
            .. Enumerable.Repeat(AppliedHistory.UnknownSlot, AppliedHistory.Capacity - AppliedHistory.LegacyCapacity - 1)];

        var history = AppliedHistory.FromSlots(slots, S(82));

        Assert.Equal(S(1), history.Floor);
        Assert.Equal(SequenceState.BeyondHistory, history.StateOf(S(0)));
    }

    [Fact]
    public void A_fresh_item_shifted_by_in_order_writes_is_known_complete()
    {
        // The first write to an item: h1..h8 fall back to empty, the slots after them to unknown.
        string?[] slots = ["11-12", .. Enumerable.Repeat(AppliedHistory.EmptySlot, AppliedHistory.LegacyCapacity),
            .. Enumerable.Repeat(AppliedHistory.UnknownSlot, AppliedHistory.Capacity - AppliedHistory.LegacyCapacity - 1)];

        var history = AppliedHistory.FromSlots(slots, S(12));

        Assert.Null(history.Floor);
        Assert.Equal(SequenceState.NotApplied, history.StateOf(S(3)));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(256, 8)]
    [InlineData(257, 9)]
    [InlineData(8192, 13)]
    [InlineData(8193, 14)]
    [InlineData(AppliedHistory.MaxBatchSize, AppliedHistory.MaxBisectionDepth)]
    public void Bisection_depth_is_how_often_a_batch_halves_down_to_one_record(int batchSize, int depth) =>
        Assert.Equal(depth, AppliedHistory.BisectionDepth(batchSize));

    [Fact]
    public void A_range_is_stored_with_the_digits_its_last_shares_with_its_first_left_out_and_read_back_either_way()
    {
        var range = new SequenceRange(SequenceNumber.Parse("300000000000000000021"), SequenceNumber.Parse("300000000000000000135"));

        Assert.Equal("300000000000000000021-135", range.ToString());
        Assert.True(SequenceRange.TryParse("300000000000000000021-135", out var shortForm));
        Assert.True(SequenceRange.TryParse("300000000000000000021-300000000000000000135", out var longForm)); // as written before
        Assert.Equal((range, range), (shortForm, longForm));
        Assert.Equal("7-7", new SequenceRange(S(7), S(7)).ToString());
        Assert.Equal("9-12", R(9, 12).ToString());
        Assert.False(SequenceRange.TryParse("300000000000000000135-021", out _)); // last below first
    }

    [Fact]
    public void Any_range_reads_back_as_itself()
    {
        Gen.Select(Gen.ULong, Gen.ULong[0, 1_000_000_000_000], Gen.Int[0, 20]).Sample((start, length, digits) =>
        {
            var first = SequenceNumber.Parse(((System.Numerics.BigInteger)start * System.Numerics.BigInteger.Pow(10, digits)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var last = SequenceNumber.Parse(((System.Numerics.BigInteger)start * System.Numerics.BigInteger.Pow(10, digits) + length).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var range = new SequenceRange(first, last);
            return SequenceRange.TryParse(range.ToString(), out var read) && read.First.CompareTo(first) == 0 && read.Last.CompareTo(last) == 0;
        });
    }

    [Fact]
    public void An_item_with_a_watermark_and_no_history_has_applied_everything_up_to_it()
    {
        var history = AppliedHistory.FromSlots([null, null], S(40));

        Assert.Equal((SequenceState.Applied, SequenceState.NotApplied), (history.StateOf(S(12)), history.StateOf(S(41))));
    }

    [Fact]
    public void A_slot_that_is_not_a_range_is_refused_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => AppliedHistory.FromSlots(["12-x"], null));

        Assert.Equal("'12-x' is not an applied range (first-last) of an aggregates item.", error.Message);
    }

    /// <summary>How AWS may deliver one first-time batch: whole, or bisected with the halves in either order.</summary>
    private enum FirstDelivery
    {
        Whole,
        HalvesInOrder,
        HalvesReversed,
    }

    private sealed record Batch(int Size, FirstDelivery Delivery, int ReplayAgo);

    private static readonly Gen<Batch> Batches =
        Gen.Select(Gen.Int[1, 12], Gen.Enum<FirstDelivery>(), Gen.Int[-2, AppliedHistory.Capacity - 1])
            .Select((size, delivery, ago) => new Batch(size, delivery, ago));

    [Fact]
    public void Every_record_counts_once_when_halves_come_reversed_and_any_batch_the_history_holds_is_redelivered_after_newer_ones()
    {
        Batches.Array[1, 40].Sample(batches =>
        {
            var item = new ModelItem();
            var delivered = new List<(long First, long Last)>();
            long next = 1;
            foreach (var batch in batches)
            {
                var first = next;
                var last = next + batch.Size - 1;
                next = last + 1;
                var middle = first + ((batch.Size - 1) / 2);
                switch (batch.Delivery)
                {
                    case FirstDelivery.Whole or FirstDelivery.HalvesInOrder when batch.Size == 1:
                    case FirstDelivery.Whole:
                        item.Deliver((first, last));
                        break;
                    case FirstDelivery.HalvesInOrder:
                        item.Deliver((first, middle));
                        item.Deliver((middle + 1, last));
                        break;
                    default:
                        if (middle < last)
                        {
                            item.Deliver((middle + 1, last));
                        }

                        item.Deliver((first, middle));
                        break;
                }

                delivered.Add((first, last));
                if (batch.ReplayAgo >= 0 && batch.ReplayAgo < delivered.Count)
                {
                    item.Deliver(delivered[^(batch.ReplayAgo + 1)]); // a batch the history holds, after newer ones
                }
            }

            // A bisected batch takes two of the history's ranges, so with bisections an old enough replay may be
            // beyond the history: it is still counted once (assumed applied, and it was), only logged and alarmed.
            var bisected = batches.Any(b => b.Delivery != FirstDelivery.Whole && b.Size > 1);
            return item.CountedOnce(next - 1) && (bisected || item.BeyondHistory == 0);
        });
    }

    [Fact]
    public void A_redelivery_of_any_older_batch_never_counts_twice()
    {
        Gen.Select(Gen.Int[1, 8].Array[1, 40], Gen.Int[0, 39].Array[0, 20]).Sample((sizes, replays) =>
        {
            var item = new ModelItem();
            var delivered = new List<(long First, long Last)>();
            long next = 1;
            foreach (var size in sizes)
            {
                delivered.Add((next, next + size - 1));
                item.Deliver(delivered[^1]);
                next += size;
            }

            foreach (var replay in replays)
            {
                item.Deliver(delivered[replay % delivered.Count]);
            }

            return item.CountedOnce(next - 1);
        });
    }

    /// <summary>One item under the adapter's rule: in order, apply all; otherwise apply only what the history has not.</summary>
    private sealed class ModelItem
    {
        private readonly Dictionary<long, int> _counted = [];
        private AppliedHistory _history = AppliedHistory.Empty;
        private SequenceNumber? _last;

        public int BeyondHistory { get; private set; }

        public void Deliver((long First, long Last) delivery)
        {
            var range = R(delivery.First, delivery.Last);
            var sequences = Enumerable.Range(0, (int)(delivery.Last - delivery.First + 1)).Select(i => delivery.First + i).ToArray();
            var inOrder = _last is not { } last || last < range.First;
            var pending = inOrder ? sequences : sequences.Where(n => Classify(n)).ToArray();
            if (pending.Length == 0)
            {
                return;
            }

            foreach (var n in pending)
            {
                _counted[n] = _counted.GetValueOrDefault(n) + 1;
            }

            _history = _history.Add(range);
            _last = _last is { } l ? SequenceNumber.Max(l, range.Last) : range.Last;
        }

        public bool CountedOnce(long records) =>
            _counted.Count == records && _counted.Values.All(c => c == 1);

        private bool Classify(long n)
        {
            var state = _history.StateOf(S(n));
            if (state == SequenceState.BeyondHistory)
            {
                BeyondHistory++;
            }

            return state == SequenceState.NotApplied;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AppliedHistory.Capacity + 3)]
    public void Every_order_of_the_halves_of_a_maximum_depth_bisection_counts_every_record_once(int earlierBatches)
    {
        // The first record of a batch split with the larger half below: the deepest path there is, ⌈log2 n⌉ levels.
        const int batchSize = AppliedHistory.MaxBatchSize;
        var item = new SlotItem();
        var first = item.DeliverEarlier(earlierBatches);
        var orders = 0;
        Explore(item, first, first + batchSize - 1, target: first, level: 0, order: "");
        Assert.Equal(1 << AppliedHistory.MaxBisectionDepth, orders);

        // Every order shares its first levels with half the others: play each level once per prefix, not once per order.
        void Explore(SlotItem at, long low, long high, long target, int level, string order)
        {
            if (low == high)
            {
                at.Deliver(target, target);
                at.DeliverLater();
                at.Expect(first + batchSize - 1);
                Assert.True(at.CountedOnce, $"order {order} (1: the half without the record first): {at}");
                orders++;
                return;
            }

            var lower = (high - low + 2) / 2;
            var (mine, other) = target < low + lower ? ((low, low + lower - 1), (low + lower, high)) : ((low + lower, high), (low, low + lower - 1));
            var otherFirst = at.Clone();
            otherFirst.Deliver(other.Item1, other.Item2);
            Explore(otherFirst, mine.Item1, mine.Item2, target, level + 1, order + "1");
            at.Later(other.Item1, other.Item2);
            Explore(at, mine.Item1, mine.Item2, target, level + 1, order + "0");
        }
    }

    [Fact]
    public void Any_batch_size_any_failing_record_any_order_and_crashes_after_writes_count_every_record_once()
    {
        Gen.Select(Gen.Int[1, AppliedHistory.MaxBatchSize], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Gen.Int[0, 5], Gen.Bool)
            .Sample((size, target, order, earlier, crashes, larger) =>
            {
                var item = PlayBisection(size, target % size, order, earlier, larger ? Split.LargerBelow : Split.SmallerBelow, crashEvery: crashes);
                return item.CountedOnce;
            }, iter: 2_000);
    }

    private enum Split
    {
        SmallerBelow,
        LargerBelow,
    }

    /// <summary>
    /// Earlier in-order batches, then one batch that fails at every level on the path to <paramref name="target"/>:
    /// Lambda halves it, the half without the target goes first when <paramref name="order"/>'s bit for that level is
    /// set, and commits whole; the half with the target fails again, down to the target alone, which commits. With
    /// <paramref name="crashEvery"/> above 0, every so many failing attempts write their group before failing.
    /// </summary>
    private static SlotItem PlayBisection(int batchSize, int target, int order, int earlierBatches, Split split, int crashEvery = 0)
    {
        var item = new SlotItem();
        var first = item.DeliverEarlier(earlierBatches);
        var (low, high) = (first, first + batchSize - 1);
        var t = first + target;
        var level = 0;
        while (low < high)
        {
            if (crashEvery > 0 && level % crashEvery == crashEvery - 1)
            {
                item.Deliver(low, high); // a crash after the write: the slice failed, but its group committed
            }

            var size = high - low + 1;
            var lower = split == Split.LargerBelow ? (size + 1) / 2 : size / 2;
            var (lowHalf, highHalf) = ((low, low + lower - 1), (low + lower, high));
            var (mine, other) = t < low + lower ? (lowHalf, highHalf) : (highHalf, lowHalf);
            if ((order >> level & 1) == 1)
            {
                item.Deliver(other.Item1, other.Item2);
                (low, high) = mine;
            }
            else
            {
                // The half with the target goes first and fails; the other half comes after the target's own path.
                item.Later(other.Item1, other.Item2);
                (low, high) = mine;
            }

            level++;
        }

        item.Deliver(t, t);
        item.DeliverLater();
        item.Expect(first + batchSize - 1);
        return item;
    }

    /// <summary>
    /// One (day, shard) item, stored and updated the way DynamoAggregatesWriter does it: an in-order write shifts the
    /// slots (falling back to empty up to the old size, unknown past it); otherwise the slots are read, only what they
    /// have not applied is counted, and they are written back with the batch's range merged in.
    /// </summary>
    private sealed class SlotItem
    {
        private readonly List<(long First, long Last)> _counted = [];
        private readonly Stack<(long, long)> _later = new();
        private string?[] _slots = new string?[AppliedHistory.Capacity];
        private SequenceNumber? _last;
        private long _expected;

        public long BeyondHistory { get; private set; }

        /// <summary>The counted pieces tile 1..expected exactly: every record once, none twice, nothing beyond the history.</summary>
        public bool CountedOnce
        {
            get
            {
                long next = 1;
                foreach (var (first, last) in _counted.OrderBy(c => c.First))
                {
                    if (first != next)
                    {
                        return false;
                    }

                    next = last + 1;
                }

                return next == _expected + 1 && BeyondHistory == 0;
            }
        }

        public void Later(long first, long last) => _later.Push((first, last));

        public void DeliverLater()
        {
            while (_later.TryPop(out var slice))
            {
                Deliver(slice.Item1, slice.Item2);
            }
        }

        public void Expect(long last) => _expected = last;

        /// <summary>Delivers <paramref name="batches"/> three-record batches in order; returns the next record's number.</summary>
        public long DeliverEarlier(int batches)
        {
            long next = 1;
            for (var b = 0; b < batches; b++)
            {
                Deliver(next, next + 2);
                next += 3;
            }

            return next;
        }

        public SlotItem Clone()
        {
            var copy = new SlotItem { _slots = [.. _slots], _last = _last, _expected = _expected, BeyondHistory = BeyondHistory };
            copy._counted.AddRange(_counted);
            foreach (var slice in _later.Reverse())
            {
                copy._later.Push(slice);
            }

            return copy;
        }

        public void Deliver(long first, long last)
        {
            var range = new SequenceRange(Seq(first), Seq(last));
            if (_last is not { } watermark || watermark < range.First)
            {
                _counted.Add((first, last));
                var shifted = new string?[AppliedHistory.Capacity];
                for (var slot = AppliedHistory.Capacity - 1; slot > 0; slot--)
                {
                    shifted[slot] = _slots[slot - 1] ?? (slot > AppliedHistory.LegacyCapacity ? AppliedHistory.UnknownSlot : AppliedHistory.EmptySlot);
                }

                shifted[0] = range.ToString();
                _slots = shifted;
                _last = range.Last;
                return;
            }

            // The history's state is constant between its ranges' ends and its floor: ask it once per piece.
            var history = AppliedHistory.FromSlots(_slots, _last);
            var cuts = new List<long>(2 * (history.Ranges.Count + 2)) { first, last + 1 };
            foreach (var r in history.Ranges)
            {
                cuts.Add(NumberOf(r.First));
                cuts.Add(NumberOf(r.Last) + 1);
            }

            if (history.Floor is { } floor)
            {
                cuts.Add(NumberOf(floor));
            }

            var pieces = cuts.Where(c => c >= first && c <= last + 1).Distinct().Order().ToArray();
            var pending = false;
            for (var i = 0; i + 1 < pieces.Length; i++)
            {
                var (from, to) = (pieces[i], pieces[i + 1] - 1);
                switch (history.StateOf(Seq(from)))
                {
                    case SequenceState.NotApplied:
                        _counted.Add((from, to));
                        pending = true;
                        break;
                    case SequenceState.BeyondHistory:
                        BeyondHistory += to - from + 1;
                        break;
                }
            }

            if (pending)
            {
                _slots = [.. history.Add(range).ToSlots()];
                _last = SequenceNumber.Max(_last.Value, range.Last);
            }
        }

        public override string ToString() =>
            $"counted {string.Join(' ', _counted.OrderBy(c => c.First).Select(c => $"{c.First}-{c.Last}"))} of 1-{_expected}, " +
            $"{BeyondHistory} beyond the history; slots {string.Join(' ', _slots)}";
    }

    private const decimal FirstSequence = 100_000_000_000_000_000_000m;

    private const long Gap = 7919; // stream sequence numbers grow by more than one from record to record

    /// <summary>A 21-digit DynamoDB Streams sequence number for record <paramref name="n"/>.</summary>
    private static SequenceNumber Seq(long n) => SequenceNumber.Parse((FirstSequence + (n * Gap)).ToString(CultureInfo.InvariantCulture));

    /// <summary>The record whose sequence number is <paramref name="sequence"/>, or the next one above it.</summary>
    private static long NumberOf(SequenceNumber sequence) => Numbers.GetOrAdd(sequence, NumberOfUncached);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SequenceNumber, long> Numbers = new();

    private static long NumberOfUncached(SequenceNumber sequence)
    {
        var offset = decimal.Parse(sequence.ToString(), CultureInfo.InvariantCulture) - FirstSequence;
        return (long)Math.Ceiling(offset / Gap);
    }
}
