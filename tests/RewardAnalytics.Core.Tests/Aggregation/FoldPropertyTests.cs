using CsCheck;
using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>Folding any history of writes gives the totals of the items that history leaves behind.</summary>
public sealed class FoldPropertyTests
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
}
