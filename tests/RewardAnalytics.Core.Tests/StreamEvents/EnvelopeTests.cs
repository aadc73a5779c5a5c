using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Core.Tests.EventReading;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>A payload that is not a tumbling-window stream event fails the invocation with a message naming the problem.</summary>
public sealed class EnvelopeTests
{
    private const string Window = """ "shardId": "shardId-1", "window": { "start": "2023-11-15T09:00:00Z", "end": "2023-11-15T09:05:00Z" } """;

    private static string Record(string sequence) =>
        $$"""{ "eventID": "e1", "eventName": "INSERT", "dynamodb": { "Keys": { "rewardId": { "S": "r1" } }, "SequenceNumber": {{sequence}} } }""";

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
}
