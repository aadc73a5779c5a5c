using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// A write the recorder saw, waiting for its place in the stream. <see cref="Order"/> decides that place, so a
/// workload run on several concurrent lanes still yields the same stream as long as each key's writes keep their
/// order; <see cref="Sub"/> orders what one write produced (a poison record right after it).
/// </summary>
internal sealed record PendingRecord(
    long Order,
    Dictionary<string, AttributeValue> Keys,
    string EventName,
    Dictionary<string, AttributeValue>? NewImage,
    Dictionary<string, AttributeValue>? OldImage,
    DateTimeOffset At,
    bool TtlExpiry = false,
    int Sub = 0,
    bool IsPoison = false)
{
    /// <summary>The change a store write produced, placed at <paramref name="order"/>; <paramref name="ttlExpiry"/> marks a REMOVE made by the TTL process.</summary>
    public static PendingRecord FromWrite(long order, Dictionary<string, AttributeValue> keys, ItemWrite write, DateTimeOffset at, bool ttlExpiry = false) =>
        new(order, keys,
            write.OldImage is null ? StreamRecord.Insert : write.NewImage is null ? StreamRecord.Remove : StreamRecord.Modify,
            write.NewImage, write.OldImage, at, ttlExpiry);
}
