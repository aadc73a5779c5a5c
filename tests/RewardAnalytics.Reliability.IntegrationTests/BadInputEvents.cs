using System.Globalization;
using System.Text;

namespace RewardAnalytics.Reliability.IntegrationTests;

/// <summary>Raw JSON builders for the bad-input corpus: every case writes the event text itself, byte for byte.</summary>
internal static class BadInputEvents
{
    /// <summary>The day case <paramref name="n"/> owns (so cases never share a total).</summary>
    public static string Day(int n) => new DateOnly(2031, 1, 1).AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Image(int n, string type = "{\"S\":\"ISSUED\"}", string amount = "{\"N\":\"7.5\"}", string? createdAt = null, string extra = "") =>
        "{\"rewardId\":{\"S\":\"r" + n + "\"}" +
        (type.Length > 0 ? ",\"type\":" + type : "") +
        (amount.Length > 0 ? ",\"amount\":" + amount : "") +
        ",\"createdAt\":" + (createdAt ?? "{\"S\":\"" + Day(n) + "T12:00:00Z\"}") +
        extra + "}";

    public static string Record(int n, long seq, string eventName = "INSERT", string? newImage = null, string? oldImage = null, string dynamodbExtra = "", string recordExtra = "") =>
        "{\"eventID\":\"e" + seq + "\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{" +
        "\"Keys\":{\"rewardId\":{\"S\":\"r" + n + "\"}}," +
        (newImage is null ? "" : "\"NewImage\":" + newImage + ",") +
        (oldImage is null ? "" : "\"OldImage\":" + oldImage + ",") +
        dynamodbExtra +
        "\"SequenceNumber\":\"" + Seq(seq) + "\",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}" + recordExtra + "}";

    /// <summary>A valid insert of 10.00 ISSUED on the case's day: the record whose count must survive the bad one.</summary>
    public static string Valid(int n) => Record(n, 1, newImage: Image(n, amount: "{\"N\":\"10.00\"}"));

    public static string Seq(long seq) => (500_000_000_000_000_000_000m + seq).ToString(CultureInfo.InvariantCulture);

    public static byte[] Event(int n, params string[] records) => Utf8(Envelope(n, "[" + string.Join(',', records) + "]"));

    public static string Envelope(int n, string records, string shard = "") =>
        "{\"Records\":" + records + ",\"window\":{\"start\":\"2031-01-01T00:00:00Z\",\"end\":\"2031-01-01T00:05:00Z\"},\"state\":{}," +
        "\"shardId\":\"" + (shard.Length > 0 ? shard : "shardId-bad-input-" + n) + "\",\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:0:table/rewards/stream/x\"," +
        "\"isFinalInvokeForWindow\":false,\"isWindowTerminatedEarly\":false}";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
