using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.TestSupport;

/// <summary>Builds reward items and stream records for tests, in the shapes DynamoDB Streams delivers.</summary>
public static class RewardRecords
{
    public const string ShardA = "shardId-00000001700000000000-aaaaaaaa";
    public const string ShardB = "shardId-00000001700000000000-bbbbbbbb";

    public static Dictionary<string, AttributeValue> Item(string id, string type, string amount, string createdAt) => new()
    {
        ["rewardId"] = new AttributeValue { S = id },
        ["type"] = new AttributeValue { S = type },
        ["amount"] = new AttributeValue { N = amount },
        ["createdAt"] = new AttributeValue { S = createdAt },
    };

    public static Dictionary<string, AttributeValue> Key(string id) => new() { ["rewardId"] = new AttributeValue { S = id } };

    /// <summary>A 21-digit sequence number like AWS's, ordered by <paramref name="n"/>.</summary>
    public static string Sequence(long n) => (100_000_000_000_000_000_000m + n).ToString(CultureInfo.InvariantCulture);

    public static StreamRecord Insert(long seq, Dictionary<string, AttributeValue> item) =>
        new($"ev-{seq}", StreamRecord.Insert, Sequence(seq), Key(item["rewardId"].S), item, null, Approx(seq));

    public static StreamRecord Modify(long seq, Dictionary<string, AttributeValue> oldItem, Dictionary<string, AttributeValue> newItem) =>
        new($"ev-{seq}", StreamRecord.Modify, Sequence(seq), Key(newItem["rewardId"].S), newItem, oldItem, Approx(seq));

    public static StreamRecord Remove(long seq, Dictionary<string, AttributeValue> oldItem, bool ttl = false) =>
        new($"ev-{seq}", StreamRecord.Remove, Sequence(seq), Key(oldItem["rewardId"].S), null, oldItem, Approx(seq), ttl);

    /// <summary>A tumbling-window event of these records from one shard.</summary>
    public static byte[] Event(string shardId, params StreamRecord[] records) => StreamRecord.WriteEvent(
        shardId, records, new DateTimeOffset(2023, 11, 15, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 11, 15, 9, 5, 0, TimeSpan.Zero));

    private static DateTimeOffset Approx(long seq) => new DateTimeOffset(2023, 11, 15, 9, 0, 0, TimeSpan.Zero).AddSeconds(seq);
}
