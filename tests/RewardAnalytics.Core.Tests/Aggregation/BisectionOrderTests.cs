using System.Globalization;
using CsCheck;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>
/// No bisection depth loses a record: a failing batch of any size Lambda allows, bisected down to one record with the
/// halves of every level in either order, counts each of its records once. The item is played as the aggregates table
/// stores it (slots written by the in-order shift or after a read, sequence numbers of DynamoDB's 21 digits), so the
/// history's size, its floor and its stored form are all on trial.
/// </summary>
public sealed class BisectionOrderTests
{

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
