using NodaTime;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;
using static RewardAnalytics.Core.Tests.StreamEvents.StreamEventJson;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// One stream record: a record that cannot be read is skipped alone with its eventID, sequence number, keys and what
/// was wrong, never the batch; a record that lacks an image because of its stream's view type fails the batch, saying
/// the stream is misconfigured.
/// </summary>
public sealed class StreamRecordReaderTests
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    [Theory]
    [InlineData("Records[0].dynamodb.SequenceNumber", """{ "Records": [ { "dynamodb": { "SequenceNumber": "1", "SequenceNumber": "2" } } ], "shardId": "s" }""")]
    [InlineData("Records[0].dynamodb.NewImage", """{ "Records": [ { "dynamodb": { "SequenceNumber": "1", "NewImage": {}, "NewImage": {} } } ], "shardId": "s" }""")]
    [InlineData("Records[0].eventName", """{ "Records": [ { "eventName": "INSERT", "eventName": "REMOVE", "dynamodb": { "SequenceNumber": "1" } } ], "shardId": "s" }""")]
    public void A_duplicated_key_of_a_record_skips_that_record(string name, string json)
    {
        Assert.Equal($"The property '{name}' appears twice: expected it once.", SkippedAsMalformed(json).Problem);
    }

    [Theory]
    [InlineData("\"\"", "''")]
    [InlineData("\"12a\"", "'12a'")]
    [InlineData("\"-1\"", "'-1'")]
    [InlineData("\"1.5\"", "'1.5'")]
    [InlineData("\"12345678901234567890123456789012345678901\"", "'12345678901234567890123456789012345678901'")]
    public void A_record_with_a_bad_sequence_number_is_skipped_saying_why(string sequence, string shown)
    {
        Assert.Equal(
            $"Records[0].dynamodb.SequenceNumber is {shown}: expected 1 to 40 decimal digits.",
            SkippedAsMalformed($$"""{ "Records": [ {{Record(sequence)}} ], {{Window}} }""").Problem);
    }

    [Fact]
    public void A_sequence_number_that_is_not_a_string_skips_its_record()
    {
        Assert.Equal(
            "Records[0].dynamodb.SequenceNumber is a JSON number: expected a string.",
            SkippedAsMalformed($$"""{ "Records": [ {{Record("111")}} ], {{Window}} }""").Problem);
    }

    [Fact]
    public void A_record_without_a_sequence_number_is_skipped_naming_its_index_and_the_record_before_it_counts()
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(
            $$"""{ "Records": [ {{Record("\"111\"")}}, { "eventID": "e2", "eventName": "INSERT", "dynamodb": {} } ], {{Window}} }"""));

        var skipped = Assert.Single(batch.Skipped, s => s.Reason == SkipReason.RecordMalformed);
        Assert.Equal(("e2", "", "Records[1] has no dynamodb.SequenceNumber: expected every stream record to carry one."),
            (skipped.EventId, skipped.SequenceNumber, skipped.Problem));
        Assert.Equal(2, batch.RecordCount);
    }

    [Theory]
    [InlineData("[]", "Records[0] is a JSON array: expected a stream record object.")]
    [InlineData("""{ "dynamodb": [] }""", "Records[0].dynamodb is a JSON array: expected an object.")]
    [InlineData("""{ "dynamodb": { "SequenceNumber": "1", "NewImage": "item" } }""", "Records[0].dynamodb.NewImage is a JSON string: expected a DynamoDB item (an object of attribute values).")]
    [InlineData("""{ "dynamodb": { "SequenceNumber": "1", "OldImage": 5 } }""", "Records[0].dynamodb.OldImage is a JSON number: expected a DynamoDB item (an object of attribute values).")]
    [InlineData("""{ "eventName": 1, "dynamodb": { "SequenceNumber": "1" } }""", "Records[0].eventName is a JSON number: expected a string.")]
    public void A_record_of_the_wrong_shape_is_skipped_saying_why(string record, string message)
    {
        Assert.Equal(message, SkippedAsMalformed($$"""{ "Records": [ {{record}} ], {{Window}} }""").Problem);
    }

    private static SkippedRecord SkippedAsMalformed(string json)
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(json));
        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal(SkipReason.RecordMalformed, skipped.Reason);
        Assert.Empty(batch.Days);
        return skipped;
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

    [Fact]
    public void A_record_that_names_aws_dynamodb_with_escaped_characters_counts_as_usual()
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(
            """{ "Records": [ { "eventID": "e1", "eventName": "INSERT", "eventSource": "aws\u003adynamodb", "dynamodb": { "SequenceNumber": "1", "NewImage": """ +
            """{ "type": { "S": "ISSUED" }, "amount": { "N": "5" }, "createdAt": { "S": "2023-11-15T10:00:00Z" } } } } ], "shardId": "s" }"""));

        Assert.Equal(new DailyTotals(5m, 0m, 1, 0), Assert.Single(batch.Days).Delta);
    }

    [Fact]
    public void A_record_without_eventSource_is_read_as_a_stream_record()
    {
        // AWS always sends eventSource; hand-written events often leave it out, and nothing else says they are foreign.
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(
            """{ "Records": [ { "eventID": "e1", "eventName": "INSERT", "dynamodb": { "SequenceNumber": "1", "NewImage": """ +
            """{ "type": { "S": "REDEEMED" }, "amount": { "N": "2" }, "createdAt": { "S": "2023-11-15T10:00:00Z" } } } } ], "shardId": "s" }"""));

        Assert.Equal(new DailyTotals(0m, 2m, 0, 1), Assert.Single(batch.Days).Delta);
    }

    [Fact]
    public void An_eventSource_that_is_not_a_string_skips_its_record_as_malformed()
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(
            """{ "Records": [ { "eventID": "e1", "eventName": "INSERT", "eventSource": 5, "dynamodb": { "SequenceNumber": "1" } } ], "shardId": "s" }"""));

        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal((SkipReason.RecordMalformed, "Records[0].eventSource is a JSON number: expected a string."), (skipped.Reason, skipped.Problem));
    }

    [Fact]
    public void A_skipped_record_carries_its_eventID_event_name_sequence_number_and_keys_as_one_line_of_JSON()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        var skipped = batch.Skipped.Single(s => s.EventId == "unknown-event-name");

        Assert.Equal(
            new SkippedRecord("unknown-event-name", "UPSERT", "300000000000000000019", """{"rewardId":{"S":"r-b18"}}""", SkipReason.UnknownEventName),
            skipped);
    }

    [Fact]
    public void A_malformed_record_says_what_in_its_structure_could_not_be_read()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        var skipped = batch.Skipped.Single(s => s.EventId == "malformed-record");

        Assert.Equal(
            new SkippedRecord("malformed-record", "INSERT", "300000000000000000022", """{"rewardId":{"S":"r-b22"}}""", SkipReason.RecordMalformed)
            {
                Problem = "Records[21].dynamodb.NewImage is a JSON string: expected a DynamoDB item (an object of attribute values).",
            },
            skipped);
    }

    [Fact]
    public void A_skipped_insert_counts_nothing_so_its_later_remove_subtracts_nothing()
    {
        var negative = Item("r1", "ISSUED", "-5", "2023-11-15T08:00:00Z");

        using var batch = Read(Insert(1, negative), Remove(2, negative), Insert(3, Item("r2", "ISSUED", "5", "2023-11-15T08:00:00Z")));

        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(5m, 0m, 1, 0) }, Totals(batch));
        Assert.Equal([(Sequence(1), SkipReason.AmountNegative)], batch.Skipped.Select(s => (s.SequenceNumber, s.Reason)));
    }

    [Fact]
    public void A_remove_without_an_old_image_is_skipped_as_missing_its_old_image()
    {
        using var batch = Read(new StreamEventRecord("ev-1", "REMOVE", Sequence(1), Key("r1"), null, null, default));

        Assert.Equal([SkipReason.MissingOldImage], batch.Skipped.Select(s => s.Reason));
    }
}
