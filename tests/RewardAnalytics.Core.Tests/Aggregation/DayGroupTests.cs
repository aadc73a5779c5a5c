using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>A day group owns its entries: it keeps what an item's history has not applied, and lives no longer than its fold.</summary>
public sealed class DayGroupTests
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);
    private static readonly Dictionary<string, DynamoValue> Reward = Item("r1", "ISSUED", "10.50", "2023-11-15T12:00:00Z");

    [Fact]
    public void A_day_group_spans_the_sequence_numbers_of_its_records_and_Pending_keeps_only_those_not_applied()
    {
        using var batch = Read(
            Insert(1, Item("r1", "ISSUED", "1", "2023-11-15T12:00:00Z")),
            Insert(2, Item("r2", "ISSUED", "2", "2023-11-16T12:00:00Z")),
            Insert(3, Item("r3", "ISSUED", "4", "2023-11-15T13:00:00Z")));

        var day = batch.Days[0];
        var first = SequenceNumber.Parse(Sequence(1));
        var rest = day.Pending(AppliedHistory.Empty.Add(new SequenceRange(first, first)), out var overlap);

        Assert.Equal((Nov15, Sequence(1), Sequence(3), 2), (day.Day, day.FirstSequence.ToString(), day.LastSequence.ToString(), day.EntryCount));
        Assert.NotNull(rest);
        Assert.Equal((new DailyTotals(4m, 0m, 1, 0), Sequence(3), 1), (rest.Delta, rest.FirstSequence.ToString(), rest.EntryCount));
        Assert.Equal(new HistoryOverlap(1, 0, null, null), overlap);
        Assert.Null(day.Pending(AppliedHistory.Empty.Add(day.Range), out _));
    }

    [Fact]
    public void A_day_whose_records_cancel_out_is_still_a_group_so_that_its_watermark_moves_past_them()
    {
        using var batch = Read(Insert(1, Reward), Remove(2, Reward));

        var day = Assert.Single(batch.Days);
        Assert.Equal((Nov15, DailyTotals.Zero, Sequence(1), Sequence(2)), (day.Day, day.Delta, day.FirstSequence.ToString(), day.LastSequence.ToString()));
    }

    [Fact]
    public void The_pending_part_of_a_group_owns_its_entries_and_outlives_the_fold()
    {
        DayGroup? rest;
        using (var batch = Read(Insert(1, Item("r1", "ISSUED", "1", "2023-11-15T12:00:00Z")), Insert(2, Item("r2", "ISSUED", "2", "2023-11-15T13:00:00Z"))))
        {
            var first = SequenceNumber.Parse(Sequence(1));
            rest = batch.Days[0].Pending(AppliedHistory.Empty.Add(new SequenceRange(first, first)), out _);
        }

        Assert.NotNull(rest);
        Assert.Equal([(Sequence(2), new DailyTotals(2m, 0m, 1, 0))], rest.Entries.ToArray().Select(e => (e.Sequence.ToString(), e.Delta)));
    }

    [Fact]
    public void A_group_read_after_its_fold_is_disposed_throws_instead_of_reading_a_reused_buffer()
    {
        var batch = Read(Insert(1, Reward));
        var day = batch.Days[0];
        batch.Dispose();

        Assert.Throws<ObjectDisposedException>(() => day.Pending(AppliedHistory.Empty, out _));
    }
}
