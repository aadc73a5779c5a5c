using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Core.Tests.EventReading;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>
/// An event from another service (files in Fixtures/, shaped like AWS's documented S3, SQS and Kinesis payloads) is
/// refused naming its source, instead of being mistaken for a DynamoDB stream event without a window or with
/// unreadable records.
/// </summary>
public sealed class EventSourceTests
{
    private const string Takes = "this function takes the DynamoDB stream's tumbling-window events.";

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
}
