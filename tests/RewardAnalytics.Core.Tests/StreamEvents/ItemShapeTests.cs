using NodaTime;
using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Core.Tests.EventReading;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// Every item DynamoDB can store is read; a record that cannot be read is skipped alone, never the batch; a record that
/// lacks an image because of its stream's view type fails the batch, saying the stream is misconfigured.
/// </summary>
public sealed class ItemShapeTests
{
    private const string Window = """ "shardId": "shardId-1", "window": { "start": "2023-11-15T09:00:00Z", "end": "2023-11-15T09:05:00Z" } """;
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    private static string Reward(int n, string extra = "") =>
        $$"""{ "rewardId": { "S": "r{{n}}" }, "type": { "S": "ISSUED" }, "amount": { "N": "{{n}}" }, "createdAt": { "S": "2023-11-15T08:00:00Z" }{{extra}} }""";

    private static string Record(int n, string eventName = "INSERT", string? newImage = null, string? oldImage = null, string viewType = "NEW_AND_OLD_IMAGES") =>
        $$"""{ "eventID": "e{{n}}", "eventName": "{{eventName}}", "dynamodb": { "Keys": { "rewardId": { "S": "r{{n}}" } }, """ +
        (newImage is null ? "" : $$""" "NewImage": {{newImage}}, """) +
        (oldImage is null ? "" : $$""" "OldImage": {{oldImage}}, """) +
        $$""" "SequenceNumber": "{{100 + n}}", "StreamViewType": "{{viewType}}" } }""";

    private static byte[] Event(params string[] records) =>
        System.Text.Encoding.UTF8.GetBytes($$"""{ "Records": [ {{string.Join(", ", records)}} ], {{Window}} }""");

    /// <summary>An attribute value nested <paramref name="levels"/> levels deep, alternating maps and lists.</summary>
    private static string Nested(int levels) => levels == 0
        ? """{ "S": "leaf" }"""
        : levels % 2 == 0 ? $$"""{ "M": { "level": {{Nested(levels - 1)}} } }""" : $$"""{ "L": [ {{Nested(levels - 1)}} ] }""";

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void A_reward_with_an_unrelated_attribute_nested_as_deep_as_DynamoDB_allows_counts(int levels)
    {
        var deep = $$""", "history": {{Nested(levels)}}""";

        using var batch = Read(Event(Record(1, newImage: Reward(5, deep)), Record(2, "MODIFY", newImage: Reward(7, deep), oldImage: Reward(5, deep))));

        Assert.Empty(batch.Skipped);
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(7m, 0m, 1, 0) }, Totals(batch));
    }

    [Fact]
    public void A_malformed_record_between_two_valid_ones_is_skipped_alone_and_both_neighbours_count()
    {
        using var batch = Read(Event(
            Record(1, newImage: Reward(5)),
            Record(2, newImage: """[ "not", "an", "item" ]"""),
            "42",
            Record(4, newImage: Reward(7))));

        Assert.Equal(
            [
                (SkipReason.RecordMalformed, "e2", "102", "Records[1].dynamodb.NewImage is a JSON array: expected a DynamoDB item (an object of attribute values)."),
                (SkipReason.RecordMalformed, "", "", "Records[2] is a JSON number: expected a stream record object."),
            ],
            batch.Skipped.Select(s => (s.Reason, s.EventId, s.SequenceNumber, s.Problem)));
        Assert.Equal(4, batch.RecordCount);
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(12m, 0m, 2, 0) }, Totals(batch));
    }

    [Fact]
    public void An_event_nested_deeper_than_anything_DynamoDB_stores_is_refused_as_a_whole()
    {
        var error = Refused($$"""{ "Records": [ {{Record(1, newImage: Reward(5, ", \"x\": " + Nested(StreamEventReader.MaxJsonDepth)))}} ], {{Window}} }""");

        Assert.StartsWith("The event is not valid JSON (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KEYS_ONLY", "INSERT", "NewImage")]
    [InlineData("NEW_IMAGE", "MODIFY", "OldImage")]
    [InlineData("OLD_IMAGE", "INSERT", "NewImage")]
    public void A_record_missing_an_image_because_of_its_streams_view_type_fails_the_batch_naming_the_view_type(string viewType, string eventName, string missing)
    {
        var newImage = viewType == "NEW_IMAGE" ? Reward(7) : null;

        var error = Refused(System.Text.Encoding.UTF8.GetString(Event(Record(1, newImage: Reward(5)), Record(2, eventName, newImage: newImage, viewType: viewType))));

        Assert.Equal(
            $"Records[1] ({eventName}) has no {missing}: its stream's StreamViewType is {viewType}, and the aggregator needs NEW_AND_OLD_IMAGES; " +
            "set the rewards table's stream view type to NEW_AND_OLD_IMAGES (nothing was written).",
            error.Message);
    }

    [Fact]
    public void A_record_of_another_view_type_that_has_the_image_its_event_needs_counts_as_in_AWSs_sample_events()
    {
        using var batch = Read(Event(Record(1, newImage: Reward(5), viewType: "NEW_IMAGE"), Record(2, "REMOVE", oldImage: Reward(3), viewType: "OLD_IMAGE")));

        Assert.Empty(batch.Skipped);
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(2m, 0m, 0, 0) }, Totals(batch));
    }
}
