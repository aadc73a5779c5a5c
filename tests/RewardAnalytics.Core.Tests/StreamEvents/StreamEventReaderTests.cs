using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.StreamEvents.StreamEventJson;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// The stream event as a whole: a payload that is not a tumbling-window DynamoDB stream event (not JSON, a wrong
/// envelope, another service's event) is refused naming the problem, and AWS's documented payloads (files in Fixtures/)
/// are read end to end.
/// </summary>
public sealed class StreamEventReaderTests(ITestOutputHelper output)
{
    private const string Takes = "this function takes the DynamoDB stream's tumbling-window events.";
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public void An_empty_payload_is_refused(string json)
    {
        Assert.Equal(
            "The event is empty: expected a DynamoDB Streams event with a tumbling window (an object with 'Records' and 'shardId').",
            Refused(json).Message);
    }

    [Fact]
    public void A_payload_that_is_not_JSON_is_refused_naming_where_it_broke()
    {
        var error = Refused("{ Records: [] }");

        // The parser's own sentence is the runtime's to word; where it broke is ours to pass on.
        AssertNotJson(error, line: 0, byteInLine: 2);
    }

    [Fact]
    public void A_truncated_payload_is_refused_as_not_JSON()
    {
        var error = Refused("""{ "Records": [ """);

        Assert.StartsWith("The event is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("): expected a DynamoDB Streams event with a tumbling window.", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"Records\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void A_payload_that_is_not_an_object_is_refused(string json, string kind)
    {
        Assert.Equal(
            $"The event is a JSON {kind}, not an object: expected a DynamoDB Streams event with 'Records' and 'shardId'.",
            Refused(json).Message);
    }

    [Fact]
    public void An_event_without_Records_is_refused()
    {
        Assert.Equal("The event has no 'Records' array: expected a DynamoDB Streams event.", Refused($$"""{ {{Window}} }""").Message);
    }

    [Fact]
    public void An_event_whose_Records_is_not_an_array_is_refused()
    {
        Assert.Equal("'Records' is a JSON object: expected an array of stream records.", Refused($$"""{ "Records": {}, {{Window}} }""").Message);
    }

    [Theory]
    [InlineData("""{ "Records": [] }""")]
    [InlineData("""{ "Records": [], "shardId": "" }""")]
    [InlineData("""{ "Records": [], "shardId": null }""")]
    public void An_event_without_a_shardId_is_refused_saying_the_mapping_needs_a_tumbling_window(string json)
    {
        Assert.Equal(
            "The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.",
            Refused(json).Message);
    }

    [Fact]
    public void A_shardId_that_is_not_a_string_is_refused()
    {
        Assert.Equal("'shardId' is a JSON number: expected a string.", Refused("""{ "Records": [], "shardId": 7 }""").Message);
    }

    [Theory]
    [InlineData("Records", """{ "Records": [], "Records": [], "shardId": "s" }""")]
    [InlineData("shardId", """{ "Records": [], "shardId": "s", "shardId": "t" }""")]
    [InlineData("isFinalInvokeForWindow", """{ "Records": [], "shardId": "s", "isFinalInvokeForWindow": true, "isFinalInvokeForWindow": false }""")]
    public void A_duplicated_key_of_the_envelope_is_refused(string name, string json)
    {
        Assert.Equal($"The property '{name}' appears twice: expected it once.", Refused(json).Message);
    }

    [Fact]
    public void Content_after_the_event_object_is_refused()
    {
        AssertNotJson(Refused("""{ "Records": [], "shardId": "s" } { }"""), line: 0, byteInLine: 34);
    }

    private static void AssertNotJson(StreamEventFormatException error, long line, long byteInLine)
    {
        Assert.StartsWith("The event is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("): expected a DynamoDB Streams event with a tumbling window.", error.Message, StringComparison.Ordinal);
        var json = Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Equal((line, byteInLine), (json.LineNumber, json.BytePositionInLine));
        Assert.Contains(json.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_invoke_with_no_records_is_a_valid_empty_batch()
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes("""{ "Records": [], "shardId": "s", "isFinalInvokeForWindow": true, "isWindowTerminatedEarly": true, "state": { "1": 282 } }"""));

        Assert.Equal(new StreamEnvelope("s", null, null, null, true, true), batch.Envelope);
        Assert.Equal((0, 0), (batch.RecordCount, batch.Days.Count));
        Assert.Null(batch.LastSequence);
    }

    [Theory]
    [InlineData("""{ "shardId": "s", "isFinalInvokeForWindow": true, "window": { "start": "2023-11-15T09:00:00Z", "end": "2023-11-15T09:05:00Z" } }""")]
    [InlineData("""{ "Records": null, "shardId": "s", "isFinalInvokeForWindow": true }""")]
    [InlineData("""{ "isFinalInvokeForWindow": true, "Records": null, "shardId": "s" }""")]
    public void A_final_invoke_whose_Records_is_missing_or_null_is_an_empty_batch(string json)
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.True(batch.Envelope.IsFinalInvokeForWindow);
        Assert.Equal((0, 0, 0), (batch.RecordCount, batch.Days.Count, batch.Skipped.Count));
    }

    [Fact]
    public void Records_null_outside_a_final_invoke_is_refused()
    {
        Assert.Equal(
            "'Records' is null: expected an array of stream records (only a window's final invoke, isFinalInvokeForWindow: true, may come without records).",
            Refused($$"""{ "Records": null, {{Window}} }""").Message);
    }

    [Fact]
    public void An_event_that_begins_with_a_UTF8_byte_order_mark_is_read_like_one_without()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{ "Records": [], "shardId": "s", "isFinalInvokeForWindow": true }""");

        using var batch = Read([0xEF, 0xBB, 0xBF, .. json]);

        Assert.Equal("s", batch.Envelope.ShardId);
    }

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
    public void An_event_nested_deeper_than_anything_DynamoDB_stores_is_refused_as_a_whole()
    {
        var error = Refused($$"""{ "Records": [ {{Record(1, newImage: Reward(5, ", \"x\": " + Nested(StreamEventReader.MaxJsonDepth)))}} ], {{Window}} }""");

        Assert.StartsWith("The event is not valid JSON (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3-put-event.json", "aws:s3")]
    [InlineData("sqs-event.json", "aws:sqs")]
    [InlineData("kinesis-tumbling-window-event.json", "aws:kinesis")]
    public void An_event_from_another_service_is_refused_naming_its_event_source(string fixture, string source)
    {
        var error = Assert.Throws<StreamEventFormatException>(() => Read(Fixture(fixture)).Dispose());

        Assert.Equal($"The event is from {source}, not a DynamoDB stream (eventSource aws:dynamodb): {Takes}", error.Message);
    }

    [Fact]
    public void A_record_of_another_source_among_DynamoDB_records_refuses_the_batch_naming_its_index_and_source()
    {
        var error = Assert.Throws<StreamEventFormatException>(() => Read(Fixture("mixed-sources-event.json")).Dispose());

        Assert.Equal(
            "Records[1] is from aws:sqs, not a DynamoDB stream (eventSource aws:dynamodb), in a batch with 2 records from aws:dynamodb: " +
            "an event source mapping delivers one stream's records only, so the batch is refused whole (nothing was written); " + Takes,
            error.Message);
    }

    [Fact]
    public void A_Kinesis_final_window_invoke_without_records_is_refused_by_its_eventSourceARN()
    {
        var error = Assert.Throws<StreamEventFormatException>(() => Read(Fixture("kinesis-final-invoke-event.json")).Dispose());

        Assert.Equal(
            "The event is from arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream (eventSourceARN), not a DynamoDB stream " +
            "(arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>): " + Takes,
            error.Message);
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/rewards/stream/2023-11-01T00:00:00.000")]
    [InlineData("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/rewards/stream/2023-11-01T00:00:00.000")]
    [InlineData("stream-ARN")]
    public void A_DynamoDB_stream_ARN_or_a_placeholder_that_is_no_ARN_is_accepted(string arn)
    {
        using var batch = Read(System.Text.Encoding.UTF8.GetBytes($$"""{ "Records": [], "shardId": "s", "eventSourceARN": "{{arn}}", "isFinalInvokeForWindow": true }"""));

        Assert.Equal(arn, batch.Envelope.EventSourceArn);
    }

    [Fact]
    public void An_SQS_record_whose_own_structure_is_unreadable_to_the_stream_reader_is_still_named_by_its_source()
    {
        // eventID is a number and comes before eventSource: the record is abandoned mid-way, and its source still found.
        var error = Refused("""{ "Records": [ { "eventID": 7, "eventSource": "aws:sqs" } ], "shardId": "s" }""");

        Assert.Equal($"The event is from aws:sqs, not a DynamoDB stream (eventSource aws:dynamodb): {Takes}", error.Message);
    }

    [Fact]
    public void The_source_is_refused_before_the_missing_shardId_and_whatever_the_property_order()
    {
        var error = Refused("""{ "shardId": null, "Records": [ { "body": "x", "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-1:1:q" } ] }""");

        Assert.StartsWith("The event is from aws:sqs, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_eventSource_is_refused_and_shown_as_empty_quotes()
    {
        var error = Refused("""{ "Records": [ { "eventSource": "", "dynamodb": { "SequenceNumber": "1" } } ], "shardId": "s" }""");

        Assert.Equal($"The event is from '', not a DynamoDB stream (eventSource aws:dynamodb): {Takes}", error.Message);
    }

    [Fact]
    public void The_sample_tumbling_window_event_folds_into_one_day_of_1500_issued_and_750_redeemed()
    {
        using var batch = Read(Fixture("tumbling-window-event.json"));

        Assert.Equal(new StreamEnvelope(
            "shardId-00000001700000000000-a1b2c3d4",
            "arn:aws:dynamodb:us-east-1:123456789012:table/rewards/stream/2023-11-01T00:00:00.000",
            "2023-11-15T09:20:00Z",
            "2023-11-15T09:25:00Z",
            IsFinalInvokeForWindow: false,
            IsWindowTerminatedEarly: false), batch.Envelope);
        Assert.Equal(5, batch.RecordCount);
        Assert.Equal(1, batch.TtlRemovals);
        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal(new SkippedRecord("e4da3b7fbbce2345d7772b0674a318d5", "INSERT", "111000000000000000004", """{"rewardId":{"S":"r-0003"}}""", SkipReason.TypeUnknown), skipped);
        // The TTL removal of a 2023-11-14 reward changes no total; it is tallied apart as expired on its day.
        Assert.Equal(2, batch.Days.Count);
        var expiredDay = batch.Days[0];
        Assert.Equal((new LocalDate(2023, 11, 14), DailyTotals.Zero, new DailyTotals(25m, 0m, 1, 0)), (expiredDay.Day, expiredDay.Delta, expiredDay.Expired));
        var day = batch.Days[1];
        Assert.Equal(new LocalDate(2023, 11, 15), day.Day);
        Assert.Equal(new DailyTotals(1500m, 750m, 1, 1), day.Delta);
        Assert.Equal(DailyTotals.Zero, day.Expired);
        Assert.Equal("111000000000000000001", day.FirstSequence.ToString());
        Assert.Equal("111000000000000000003", day.LastSequence.ToString());
        Assert.Equal("111000000000000000005", batch.LastSequence.ToString());
    }

    [Fact]
    public void The_developer_guide_shape_with_short_sequence_numbers_and_a_carried_state_is_read()
    {
        using var batch = Read(Fixture("documented-tumbling-window-event.json"));

        Assert.Equal("shard123456789", batch.ShardId);
        Assert.Equal("stream-ARN", batch.Envelope.EventSourceArn);
        Assert.Equal(("2020-07-30T17:00:00Z", "2020-07-30T17:05:00Z"), (batch.Envelope.WindowStart, batch.Envelope.WindowEnd));
        Assert.Equal(3, batch.RecordCount);
        Assert.Empty(batch.Skipped);
        // 1: +101 issued; 2: the same reward becomes a 99.5 redemption; 3: +12.5 issued at epoch 1596128700 (17:05Z).
        Assert.Equal(
            [
                new DeltaEntry(SequenceNumber.Parse("111"), new LocalDate(2020, 7, 30), new DailyTotals(101m, 0m, 1, 0)),
                new DeltaEntry(SequenceNumber.Parse("222"), new LocalDate(2020, 7, 30), new DailyTotals(-101m, 99.5m, -1, 1)),
                new DeltaEntry(SequenceNumber.Parse("333"), new LocalDate(2020, 7, 30), new DailyTotals(12.5m, 0m, 1, 0)),
            ],
            batch.Entries.ToArray());
        Assert.Equal(new DailyTotals(12.5m, 99.5m, 1, 1), Assert.Single(batch.Days).Delta);
    }

    [Fact]
    public void Attributes_of_every_DynamoDB_type_around_the_reward_are_skipped_over_and_a_TTL_expiry_changes_nothing()
    {
        using var batch = Read(Fixture("every-attribute-type-event.json"));

        Assert.Equal(2, batch.RecordCount);
        Assert.Equal(1, batch.TtlRemovals);
        Assert.Empty(batch.Skipped);
        var day = Assert.Single(batch.Days);
        Assert.Equal((new LocalDate(2016, 12, 2), new DailyTotals(20.25m, 0m, 1, 0)), (day.Day, day.Delta));
    }

    [Fact]
    public void A_stream_event_without_a_tumbling_window_is_refused_for_its_missing_shardId()
    {
        var error = Assert.Throws<StreamEventFormatException>(() => Read(Fixture("stream-event-without-window.json")));

        Assert.Equal(
            "The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.",
            error.Message);
    }

    [Fact]
    public void Renamed_reward_attributes_are_read_from_the_configured_names()
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixture("documented-tumbling-window-event.json"))
            .Replace("\"type\"", "\"kind\"", StringComparison.Ordinal)
            .Replace("\"amount\"", "\"points\"", StringComparison.Ordinal)
            .Replace("\"createdAt\"", "\"issuedAt\"", StringComparison.Ordinal);

        using var renamed = Read(System.Text.Encoding.UTF8.GetBytes(json), schema: new RewardImageSchema("kind", "points", "issuedAt"));
        using var defaults = Read(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DailyTotals(12.5m, 99.5m, 1, 1), Assert.Single(renamed.Days).Delta);
        Assert.Equal([SkipReason.TypeMissing, SkipReason.TypeMissing, SkipReason.TypeMissing], defaults.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void Every_kind_of_bad_record_in_one_batch_is_skipped_with_its_reason_and_the_valid_records_still_count()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        Assert.Equal(new Dictionary<string, SkipReason>
        {
            ["amount-negative"] = SkipReason.AmountNegative,
            ["amount-nan"] = SkipReason.AmountInvalid,
            ["amount-1e400"] = SkipReason.AmountOutOfRange,
            ["amount-29-digits"] = SkipReason.AmountTooPrecise,
            ["amount-as-string"] = SkipReason.AmountNotNumber,
            ["amount-missing"] = SkipReason.AmountMissing,
            ["type-unknown"] = SkipReason.TypeUnknown,
            ["type-as-number"] = SkipReason.TypeNotString,
            ["type-missing"] = SkipReason.TypeMissing,
            ["created-at-missing"] = SkipReason.CreatedAtMissing,
            ["created-at-bool"] = SkipReason.CreatedAtWrongType,
            ["created-at-words"] = SkipReason.CreatedAtInvalid,
            ["created-at-feb-30"] = SkipReason.CreatedAtInvalid,
            ["created-at-1999"] = SkipReason.CreatedAtOutOfRange,
            ["created-at-2100"] = SkipReason.CreatedAtOutOfRange,
            ["insert-without-new-image"] = SkipReason.MissingNewImage,
            ["modify-without-old-image"] = SkipReason.MissingOldImage,
            ["unknown-event-name"] = SkipReason.UnknownEventName,
            ["duplicated-amount"] = SkipReason.DuplicateAttribute,
            ["malformed-record"] = SkipReason.RecordMalformed,
        }, SkipReasonsById(batch));
        Assert.Equal(22, batch.RecordCount);
        Assert.Equal(new Dictionary<LocalDate, DailyTotals> { [Nov15] = new(100m, 40.5m, 1, 1) }, Totals(batch));
        Figures.Print(output, $"bad-records fixture: {batch.RecordCount} records, {batch.Skipped.Count} skipped over {batch.Skipped.Select(s => s.Reason).Distinct().Count()} reasons, 2 counted");
    }

    [Fact]
    public void Every_skip_reason_of_the_README_is_exercised_by_the_bad_records_fixture()
    {
        using var batch = Read(Fixture("bad-records-event.json"));

        Assert.Equal(SkipReasons.All.OrderBy(r => r), batch.Skipped.Select(s => s.Reason).Distinct().OrderBy(r => r));
    }
}
