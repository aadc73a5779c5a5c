using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Benchmarks;

/// <summary>
/// A realistic tumbling-window event for the parse benchmarks: 70 % inserts, 20 % modifies (amount, type or day),
/// 5 % removes, 5 % TTL expiries, spread over three days, amounts with two decimals, extra attributes on every item.
/// </summary>
public static class BenchmarkWorkload
{
    public static byte[] Event(int records, int seed = 7)
    {
        var random = new Random(seed);
        var day0 = new DateTimeOffset(2024, 3, 9, 0, 0, 0, TimeSpan.Zero);
        var list = new List<StreamRecord>(records);
        for (var i = 0; i < records; i++)
        {
            var id = $"rwd-{seed}-{i:D7}";
            var created = day0.AddSeconds(random.Next(0, 3 * 86_400));
            var item = Item(id, random.Next(100) < 65 ? "ISSUED" : "REDEEMED", Amount(random), created);
            var seq = (300_000_000_000_000_000_000m + (i * 7)).ToString(CultureInfo.InvariantCulture);
            var roll = random.Next(100);
            var record = roll switch
            {
                < 70 => new StreamRecord($"e{i}", StreamRecord.Insert, seq, Key(id), item, null, created),
                < 90 => new StreamRecord($"e{i}", StreamRecord.Modify, seq, Key(id),
                    Item(id, "ISSUED", Amount(random), created.AddHours(random.Next(0, 2) * 20)), item, created),
                < 95 => new StreamRecord($"e{i}", StreamRecord.Remove, seq, Key(id), null, item, created),
                _ => new StreamRecord($"e{i}", StreamRecord.Remove, seq, Key(id), null, item, created, TtlExpiry: true),
            };
            list.Add(record);
        }

        return StreamRecord.WriteEvent("shardId-00000001709900000000-0123abcd", list, day0, day0.AddMinutes(5));
    }

    private static string Amount(Random random) =>
        (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["rewardId"] = new AttributeValue { S = id } };

    private static Dictionary<string, AttributeValue> Item(string id, string type, string amount, DateTimeOffset created) => new()
    {
        ["rewardId"] = new AttributeValue { S = id },
        ["memberId"] = new AttributeValue { S = "mbr-" + id[^4..] },
        ["type"] = new AttributeValue { S = type },
        ["amount"] = new AttributeValue { N = amount },
        ["createdAt"] = new AttributeValue { S = created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) },
        ["channel"] = new AttributeValue { S = "mobile" },
    };
}
