namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Stream events written as JSON text, for the reader tests that need a record or an envelope of a given shape.</summary>
internal static class StreamEventJson
{
    public const string Window = """ "shardId": "shardId-1", "window": { "start": "2023-11-15T09:00:00Z", "end": "2023-11-15T09:05:00Z" } """;

    public static string Record(string sequence) =>
        $$"""{ "eventID": "e1", "eventName": "INSERT", "dynamodb": { "Keys": { "rewardId": { "S": "r1" } }, "SequenceNumber": {{sequence}} } }""";

    public static string Reward(int n, string extra = "") =>
        $$"""{ "rewardId": { "S": "r{{n}}" }, "type": { "S": "ISSUED" }, "amount": { "N": "{{n}}" }, "createdAt": { "S": "2023-11-15T08:00:00Z" }{{extra}} }""";

    public static string Record(int n, string eventName = "INSERT", string? newImage = null, string? oldImage = null, string viewType = "NEW_AND_OLD_IMAGES") =>
        $$"""{ "eventID": "e{{n}}", "eventName": "{{eventName}}", "dynamodb": { "Keys": { "rewardId": { "S": "r{{n}}" } }, """ +
        (newImage is null ? "" : $$""" "NewImage": {{newImage}}, """) +
        (oldImage is null ? "" : $$""" "OldImage": {{oldImage}}, """) +
        $$""" "SequenceNumber": "{{100 + n}}", "StreamViewType": "{{viewType}}" } }""";

    public static byte[] Event(params string[] records) =>
        System.Text.Encoding.UTF8.GetBytes($$"""{ "Records": [ {{string.Join(", ", records)}} ], {{Window}} }""");
}
