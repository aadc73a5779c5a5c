using System.Globalization;
using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Core.Tests.Events;

/// <summary>Builds reward items and stream records for Core's tests, in the shapes DynamoDB Streams delivers.</summary>
public static class RewardRecords
{
    public const string ShardA = "shardId-00000001700000000000-aaaaaaaa";

    public static Dictionary<string, DynamoValue> Item(string id, string type, string amount, string createdAt) => new()
    {
        ["rewardId"] = new DynamoValue { S = id },
        ["type"] = new DynamoValue { S = type },
        ["amount"] = new DynamoValue { N = amount },
        ["createdAt"] = new DynamoValue { S = createdAt },
    };

    public static Dictionary<string, DynamoValue> Key(string id) => new() { ["rewardId"] = new DynamoValue { S = id } };

    /// <summary>A 21-digit sequence number like AWS's, ordered by <paramref name="n"/>.</summary>
    public static string Sequence(long n) => (100_000_000_000_000_000_000m + n).ToString(CultureInfo.InvariantCulture);

    public static StreamEventRecord Insert(long seq, Dictionary<string, DynamoValue> item) =>
        new($"ev-{seq}", StreamEventRecord.Insert, Sequence(seq), Key(item["rewardId"].S!), item, null, Approx(seq));

    public static StreamEventRecord Modify(long seq, Dictionary<string, DynamoValue> oldItem, Dictionary<string, DynamoValue> newItem) =>
        new($"ev-{seq}", StreamEventRecord.Modify, Sequence(seq), Key(newItem["rewardId"].S!), newItem, oldItem, Approx(seq));

    public static StreamEventRecord Remove(long seq, Dictionary<string, DynamoValue> oldItem, bool ttl = false) =>
        new($"ev-{seq}", StreamEventRecord.Remove, Sequence(seq), Key(oldItem["rewardId"].S!), null, oldItem, Approx(seq), ttl);

    /// <summary>A tumbling-window event of these records from one shard.</summary>
    public static byte[] Event(string shardId, params StreamEventRecord[] records) => StreamEventWriter.Write(
        shardId, records, new DateTimeOffset(2023, 11, 15, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 11, 15, 9, 5, 0, TimeSpan.Zero));

    private static DateTimeOffset Approx(long seq) => new DateTimeOffset(2023, 11, 15, 9, 0, 0, TimeSpan.Zero).AddSeconds(seq);
}
