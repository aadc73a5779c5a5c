using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>
/// delta = contribution(NewImage) − contribution(OldImage), for every kind of stream record; and, on plain change
/// values, what a TTL expiry is (which records count: <c>StreamChangeTests</c>).
/// </summary>
public sealed class ChangeDeltaTests
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);
    private static readonly LocalDate Nov16 = new(2023, 11, 16);
    private static readonly Dictionary<string, DynamoValue> Reward = Item("r1", "ISSUED", "10.50", "2023-11-15T12:00:00Z");

    [Fact]
    public void Insert_adds_the_reward_to_its_day()
    {
        using var batch = Read(Insert(1, Reward));

        Assert.Equal([new DeltaEntry(SequenceNumber.Parse(Sequence(1)), Nov15, new DailyTotals(10.5m, 0m, 1, 0))], batch.Entries.ToArray());
    }

    [Fact]
    public void Modify_of_the_amount_adds_the_difference()
    {
        using var batch = Read(Modify(2, Reward, Item("r1", "ISSUED", "12.75", "2023-11-15T12:00:00Z")));

        Assert.Equal([new DeltaEntry(SequenceNumber.Parse(Sequence(2)), Nov15, new DailyTotals(2.25m, 0m, 0, 0))], batch.Entries.ToArray());
    }

    [Fact]
    public void Modify_of_the_type_moves_the_amount_from_issued_to_redeemed()
    {
        using var batch = Read(Modify(2, Reward, Item("r1", "REDEEMED", "10.50", "2023-11-15T12:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(-10.5m, 10.5m, -1, 1) }, Totals(batch));
    }

    [Fact]
    public void Modify_that_moves_a_reward_to_another_day_moves_its_amount()
    {
        using var batch = Read(Modify(2, Reward, Item("r1", "ISSUED", "10.50", "2023-11-16T00:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals>
        {
            [Nov15] = new(-10.5m, 0m, -1, 0),
            [Nov16] = new(10.5m, 0m, 1, 0),
        }, Totals(batch));
        Assert.All(batch.Entries.ToArray(), e => Assert.Equal(Sequence(2), e.Sequence.ToString()));
    }

    [Fact]
    public void Modify_of_amount_type_and_day_at_once_takes_the_old_reward_off_its_day_and_adds_the_new_one_to_the_other()
    {
        using var batch = Read(Modify(2, Reward, Item("r1", "REDEEMED", "4", "2023-11-16T08:00:00+05:30")));

        // 08:00 at +05:30 is 02:30 UTC on the 16th.
        Assert.Equal(new Dictionary<LocalDate, DailyTotals>
        {
            [Nov15] = new(-10.5m, 0m, -1, 0),
            [Nov16] = new(0m, 4m, 0, 1),
        }, Totals(batch));
    }

    [Fact]
    public void Remove_subtracts_the_reward_from_its_day()
    {
        using var batch = Read(Remove(3, Reward));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(-10.5m, 0m, -1, 0) }, Totals(batch));
        Assert.Empty(batch.Skipped);
    }

    [Fact]
    public void Remove_by_TTL_expiry_changes_no_total_and_is_tallied_apart_as_expired()
    {
        using var batch = Read(Insert(1, Reward), Remove(2, Reward, ttl: true));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(10.5m, 0m, 1, 0) }, Totals(batch));
        Assert.Equal(new DailyTotals(10.5m, 0m, 1, 0), Assert.Single(batch.Days).Expired);
        Assert.Equal(1, batch.TtlRemovals);
        Assert.Empty(batch.Skipped);
    }

    [Fact]
    public void Modify_that_repairs_a_skipped_reward_adds_it_without_subtracting_anything()
    {
        var broken = Item("r1", "BONUS", "10.50", "2023-11-15T12:00:00Z");

        using var batch = Read(Insert(1, broken), Modify(2, broken, Reward));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(10.5m, 0m, 1, 0) }, Totals(batch));
        Assert.Equal([(Sequence(1), SkipReason.TypeUnknown)], batch.Skipped.Select(s => (s.SequenceNumber, s.Reason)));
    }

    [Fact]
    public void Modify_that_breaks_a_counted_reward_removes_it_and_reports_why()
    {
        using var batch = Read(Modify(2, Reward, Item("r1", "ISSUED", "-10.50", "2023-11-15T12:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(-10.5m, 0m, -1, 0) }, Totals(batch));
        Assert.Equal([(Sequence(2), "MODIFY", SkipReason.AmountNegative)], batch.Skipped.Select(s => (s.SequenceNumber, s.EventName, s.Reason)));
    }

    [Fact]
    public void Remove_of_a_reward_that_never_counted_subtracts_nothing_and_is_not_reported_again()
    {
        var broken = Item("r1", "ISSUED", "NaN", "2023-11-15T12:00:00Z");

        using var batch = Read(Remove(3, broken));

        Assert.Empty(batch.Entries.ToArray());
        Assert.Empty(batch.Days);
        Assert.Empty(batch.Skipped);
        Assert.Equal(1, batch.RecordCount);
    }

    [Fact]
    public void Modify_of_an_attribute_the_reward_does_not_use_changes_nothing()
    {
        var tagged = new Dictionary<string, DynamoValue>(Reward) { ["note"] = new() { S = "re-tagged" } };

        using var batch = Read(Modify(2, Reward, tagged));

        Assert.Empty(batch.Entries.ToArray());
        Assert.Empty(batch.Skipped);
    }

    [Fact]
    public void A_types_case_does_not_matter()
    {
        using var batch = Read(Insert(1, Item("r1", "Issued", "1", "2023-11-15T12:00:00Z")), Insert(2, Item("r2", "redeemed", "2", "2023-11-15T12:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(1m, 2m, 1, 1) }, Totals(batch));
    }

    private static readonly SequenceNumber Seq = SequenceNumber.Parse("100");
    private static readonly RewardImage Readable = new(SkipReason.None, RewardKind.Issued, 10.5m, Instant.FromUtc(2023, 11, 15, 12, 0));

    [Fact]
    public void Only_a_remove_by_the_TTL_service_with_its_old_image_is_an_expiry()
    {
        Assert.True(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, false, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, null, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Modify, true, Readable, Readable)));
    }
}
