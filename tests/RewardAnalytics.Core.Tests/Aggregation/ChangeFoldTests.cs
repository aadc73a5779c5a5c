using CsCheck;
using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>
/// Folding any history of writes gives the totals of the items that history leaves behind; the day a reward counts
/// toward is the calendar date of createdAt in REPORT_TIME_ZONE (TZDB, DST-aware).
/// </summary>
public sealed class ChangeFoldTests
{
    private static readonly ChangeFold Fold = new(DateTimeZone.Utc);

    private enum Action
    {
        Put,
        Remove,
        ExpireByTtl,
    }

    private sealed record Step(int Reward, Action Action, bool Redeemed, int Cents, int Day, bool Broken);

    private static readonly Gen<Step> Steps =
        Gen.Select(Gen.Int[0, 5], Gen.Enum<Action>(), Gen.Bool, Gen.Int[0, 1_000_000], Gen.Int[0, 2], Gen.Int[0, 9])
            .Select((reward, action, redeemed, cents, day, broken) => new Step(reward, action, redeemed, cents, day, broken == 0));

    [Fact]
    public void Folding_a_random_history_of_inserts_modifies_removes_and_expiries_gives_the_totals_of_what_is_left()
    {
        Steps.Array[0, 60].Sample(steps =>
        {
            var (changes, expected) = Play(steps);
            using var batch = Fold.Fold(changes);
            var folded = batch.Days.Where(d => !d.Delta.IsZero).ToDictionary(d => d.Day, d => d.Delta);
            return folded.Count == expected.Count && expected.All(e => folded.TryGetValue(e.Key, out var t) && t == e.Value);
        });
    }

    /// <summary>Turns steps into stream changes and the ground truth: live and TTL-expired readable items, summed by day.</summary>
    private static (StreamChange[] Changes, Dictionary<LocalDate, DailyTotals> Expected) Play(Step[] steps)
    {
        var live = new Dictionary<int, RewardImage>();
        var expired = new List<RewardImage>();
        var changes = new List<StreamChange>();
        var sequence = 0L;
        foreach (var step in steps)
        {
            var exists = live.TryGetValue(step.Reward, out var current);
            switch (step.Action)
            {
                case Action.Put:
                    var image = Image(step);
                    changes.Add(new StreamChange(Next(ref sequence), exists ? ChangeKind.Modify : ChangeKind.Insert, false, exists ? current : null, image));
                    live[step.Reward] = image;
                    break;
                case Action.Remove when exists:
                    changes.Add(new StreamChange(Next(ref sequence), ChangeKind.Remove, false, current, null));
                    live.Remove(step.Reward);
                    break;
                case Action.ExpireByTtl when exists:
                    changes.Add(new StreamChange(Next(ref sequence), ChangeKind.Remove, true, current, null));
                    live.Remove(step.Reward);
                    expired.Add(current);
                    break;
            }
        }

        var expected = new Dictionary<LocalDate, DailyTotals>();
        foreach (var image in live.Values.Concat(expired).Where(i => i.IsValid))
        {
            var day = image.CreatedAt.InUtc().Date;
            expected[day] = expected.GetValueOrDefault(day) + DailyTotals.Of(image.Kind, image.Amount);
        }

        return (changes.ToArray(), expected.Where(e => !e.Value.IsZero).ToDictionary());
    }

    /// <summary>A readable reward, or (for a broken step) one with a negative amount, which the reader marks unreadable.</summary>
    private static RewardImage Image(Step step) => step.Broken
        ? new RewardImage(SkipReason.AmountNegative, default, 0m, default)
        : new RewardImage(
            SkipReason.None,
            step.Redeemed ? RewardKind.Redeemed : RewardKind.Issued,
            step.Cents / 100m,
            Instant.FromUtc(2023, 11, 15 + step.Day, step.Cents % 24, 0));

    private static SequenceNumber Next(ref long sequence) => SequenceNumber.Parse((100_000_000_000_000_000_000m + ++sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static LocalDate DayOf(string zone, string createdAt)
    {
        using var batch = ReadIn(zone, Insert(1, Item("r1", "ISSUED", "1", createdAt)));
        Assert.Empty(batch.Skipped);
        return Assert.Single(batch.Days).Day;
    }

    [Theory]
    // New York, spring forward on 2023-03-12 (02:00 EST → 03:00 EDT): midnight before is UTC−5, midnight after is UTC−4.
    [InlineData("America/New_York", "2023-03-12T04:59:59Z", "2023-03-11")]
    [InlineData("America/New_York", "2023-03-12T05:00:00Z", "2023-03-12")]
    [InlineData("America/New_York", "2023-03-13T03:59:59Z", "2023-03-12")]
    [InlineData("America/New_York", "2023-03-13T04:00:00Z", "2023-03-13")]
    // New York, fall back on 2023-11-05 (02:00 EDT → 01:00 EST): that day is 25 hours long.
    [InlineData("America/New_York", "2023-11-05T03:59:59Z", "2023-11-04")]
    [InlineData("America/New_York", "2023-11-05T04:00:00Z", "2023-11-05")]
    [InlineData("America/New_York", "2023-11-05T05:30:00Z", "2023-11-05")] // 01:30 EDT
    [InlineData("America/New_York", "2023-11-05T06:30:00Z", "2023-11-05")] // 01:30 EST, the repeated hour
    [InlineData("America/New_York", "2023-11-06T04:59:59Z", "2023-11-05")]
    [InlineData("America/New_York", "2023-11-06T05:00:00Z", "2023-11-06")]
    // Berlin, spring forward on 2023-03-26 and fall back on 2023-10-29 (transitions away from midnight).
    [InlineData("Europe/Berlin", "2023-03-25T22:59:59Z", "2023-03-25")]
    [InlineData("Europe/Berlin", "2023-03-25T23:00:00Z", "2023-03-26")]
    [InlineData("Europe/Berlin", "2023-03-26T21:59:59Z", "2023-03-26")]
    [InlineData("Europe/Berlin", "2023-03-26T22:00:00Z", "2023-03-27")]
    [InlineData("Europe/Berlin", "2023-10-28T21:59:59Z", "2023-10-28")]
    [InlineData("Europe/Berlin", "2023-10-28T22:00:00Z", "2023-10-29")]
    [InlineData("Europe/Berlin", "2023-10-29T22:59:59Z", "2023-10-29")]
    [InlineData("Europe/Berlin", "2023-10-29T23:00:00Z", "2023-10-30")]
    // Kolkata, a half-hour offset with no DST.
    [InlineData("Asia/Kolkata", "2023-11-14T18:29:59Z", "2023-11-14")]
    [InlineData("Asia/Kolkata", "2023-11-14T18:30:00Z", "2023-11-15")]
    [InlineData("Asia/Kolkata", "2023-11-15T23:59:59+05:30", "2023-11-15")]
    // UTC, and a value written with another offset.
    [InlineData("UTC", "2023-11-15T23:59:59.9999999Z", "2023-11-15")]
    [InlineData("UTC", "2023-11-16T00:59:59+01:00", "2023-11-15")]
    [InlineData("UTC", "2023-11-15T20:00:00-05:00", "2023-11-16")]
    public void A_reward_counts_toward_the_calendar_date_of_createdAt_in_the_report_time_zone(string zone, string createdAt, string day)
    {
        Assert.Equal(day, DayOf(zone, createdAt).ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void A_createdAt_without_an_offset_is_read_as_UTC()
    {
        Assert.Equal(new LocalDate(2023, 3, 11), DayOf("America/New_York", "2023-03-12T04:59:59"));
    }

    [Fact]
    public void Epoch_seconds_and_milliseconds_as_N_or_S_name_the_same_instant()
    {
        // 2023-11-05T05:30:00Z is 01:30 EDT on the day New York falls back.
        using var batch = ReadIn("America/New_York",
            Insert(1, Epoch("r1", new() { N = "1699162200" })),
            Insert(2, Epoch("r2", new() { N = "1699162200000" })),
            Insert(3, Epoch("r3", new() { S = "1699162200" })),
            Insert(4, Epoch("r4", new() { S = "1699162200000" })),
            Insert(5, Epoch("r5", new() { N = "1699162200.999" })));

        Assert.Empty(batch.Skipped);
        var day = Assert.Single(batch.Days);
        Assert.Equal((new LocalDate(2023, 11, 5), 5L), (day.Day, day.Delta.IssuedCount));
    }

    [Fact]
    public void A_modify_that_only_moves_a_reward_across_a_zones_midnight_moves_its_amount_between_days()
    {
        var before = Item("r1", "ISSUED", "3", "2023-03-12T04:30:00Z"); // 23:30 EST on the 11th
        var after = Item("r1", "ISSUED", "3", "2023-03-12T05:30:00Z");  // 00:30 EST on the 12th

        using var batch = ReadIn("America/New_York", Modify(2, before, after));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals>
        {
            [new LocalDate(2023, 3, 11)] = new(-3m, 0m, -1, 0),
            [new LocalDate(2023, 3, 12)] = new(3m, 0m, 1, 0),
        }, Totals(batch));
    }

    private static Dictionary<string, DynamoValue> Epoch(string id, DynamoValue createdAt) =>
        new(Item(id, "ISSUED", "1", "unused")) { ["createdAt"] = createdAt };
}
