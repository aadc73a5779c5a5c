using System.Globalization;
using RewardAnalytics.Core.Tests.Events;
using CsCheck;
using NodaTime;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Folding any history of writes gives the totals of the items that history leaves behind.</summary>
public sealed class FoldPropertyTests
{
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
            var (records, expected) = Play(steps);
            using var batch = Read(records);
            var folded = batch.Days.Where(d => !d.Delta.IsZero).ToDictionary(d => d.Day, d => d.Delta);
            return folded.Count == expected.Count && expected.All(e => folded.TryGetValue(e.Key, out var t) && t == e.Value);
        });
    }

    /// <summary>Turns steps into stream records and the ground truth: live and TTL-expired readable items, summed by day.</summary>
    private static (StreamRecord[] Records, Dictionary<LocalDate, DailyTotals> Expected) Play(Step[] steps)
    {
        var live = new Dictionary<int, Dictionary<string, AttributeValue>>();
        var expired = new List<Dictionary<string, AttributeValue>>();
        var records = new List<StreamRecord>();
        var sequence = 0L;
        foreach (var step in steps)
        {
            var id = $"r{step.Reward}";
            live.TryGetValue(step.Reward, out var current);
            switch (step.Action)
            {
                case Action.Put:
                    var item = Item(id, step.Redeemed ? "REDEEMED" : "ISSUED",
                        (step.Broken ? -step.Cents - 1 : step.Cents / 100m).ToString(CultureInfo.InvariantCulture),
                        $"2023-11-{15 + step.Day}T{step.Cents % 24:00}:00:00Z");
                    records.Add(current is null ? Insert(++sequence, item) : Modify(++sequence, current, item));
                    live[step.Reward] = item;
                    break;
                case Action.Remove when current is not null:
                    records.Add(Remove(++sequence, current));
                    live.Remove(step.Reward);
                    break;
                case Action.ExpireByTtl when current is not null:
                    records.Add(Remove(++sequence, current, ttl: true));
                    live.Remove(step.Reward);
                    expired.Add(current);
                    break;
            }
        }

        var expected = new Dictionary<LocalDate, DailyTotals>();
        foreach (var item in live.Values.Concat(expired))
        {
            var amount = decimal.Parse(item["amount"].N!, CultureInfo.InvariantCulture);
            if (amount < 0)
            {
                continue;
            }

            var day = LocalDate.FromDateTime(DateTime.Parse(item["createdAt"].S!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
            var contribution = DailyTotals.Of(item["type"].S == "REDEEMED" ? RewardKind.Redeemed : RewardKind.Issued, amount);
            expected[day] = expected.GetValueOrDefault(day) + contribution;
        }

        return (records.ToArray(), expected.Where(e => !e.Value.IsZero).ToDictionary());
    }
}
