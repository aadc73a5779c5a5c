using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Core.Tests.Aggregation;
using static RewardAnalytics.Functions.Tests.FunctionEvents;

namespace RewardAnalytics.Functions.Tests;

/// <summary>The Lambda entry point: a Stream in (the raw event), a Stream out (the tumbling-window response).</summary>
public sealed class StreamAggregatorTests : IDisposable
{
    private readonly InMemoryAggregatesTable _table = new();
    private readonly StringWriter _log = new() { NewLine = "\n" };
    private readonly StreamAggregator _function;

    public StreamAggregatorTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 9, 26, 0, TimeSpan.Zero));
        _function = new StreamAggregator(new StreamAggregation(new AggregatorSettings { AggregatesTable = "aggregates" }, _table, clock, _log));
    }

    [Fact]
    public async Task The_sample_event_is_applied_and_answered_with_an_empty_state_and_no_failures()
    {
        using var input = new MemoryStream(Fixture("tumbling-window-event.json"));

        await using var response = await _function.HandleAsync(input);

        Assert.Equal("""{"state":{},"batchItemFailures":[]}""", ReadAll(response));
        Assert.Equal(new DailyTotals(1500m, 750m, 1, 1), await _table.ReadRunningTotalsAsync(new LocalDate(2023, 11, 15), default));
    }

    [Fact]
    public async Task An_empty_final_invoke_is_answered_with_no_failures_and_writes_nothing()
    {
        using var input = new MemoryStream(Fixture("final-invoke-empty-event.json"));

        await using var response = await _function.HandleAsync(input);

        Assert.Equal("""{"state":{},"batchItemFailures":[]}""", ReadAll(response));
        Assert.Empty(_table.Writes);
    }

    [Fact]
    public async Task A_final_invoke_without_Records_is_answered_with_its_state_and_no_failures_so_the_shard_moves_on()
    {
        using var input = new MemoryStream(Fixture("final-invoke-without-records-event.json"));

        await using var response = await _function.HandleAsync(input);

        Assert.Equal("""{"state":{},"batchItemFailures":[]}""", ReadAll(response));
        Assert.Empty(_table.Writes);
    }

    [Fact]
    public async Task A_write_that_keeps_failing_transiently_is_answered_with_its_sequence_number_as_the_item_identifier()
    {
        _table.FailNextWrite(new LocalDate(2023, 11, 15), new TimeoutException("throttled"));
        using var input = new MemoryStream(Fixture("tumbling-window-event.json"));

        await using var response = await _function.HandleAsync(input);

        Assert.Equal("""{"state":{},"batchItemFailures":[{"itemIdentifier":"111000000000000000001"}]}""", ReadAll(response));
    }

    [Fact]
    public void The_response_of_an_outcome_is_Lambdas_tumbling_window_response()
    {
        var outcome = new AggregationOutcome("shard-1", 3, 0, 0, 2, 1, 0, 0, ["222"]);

        using var response = StreamAggregator.WriteResponse(outcome);

        Assert.Equal("""{"state":{},"batchItemFailures":[{"itemIdentifier":"222"}]}""", ReadAll(response));
    }

    [Fact]
    public async Task An_event_that_is_not_a_stream_event_fails_the_invocation_and_writes_nothing()
    {
        using var input = new MemoryStream("""{"Records":[]}"""u8.ToArray());

        var error = await Assert.ThrowsAsync<StreamEventFormatException>(() => _function.HandleAsync(input));

        Assert.Equal(
            "The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.",
            error.Message);
        Assert.Empty(_table.Writes);
        Assert.Equal(string.Empty, _log.ToString());
    }

    [Theory]
    [InlineData("s3-put-event.json", "The event is from aws:s3, not a DynamoDB stream (eventSource aws:dynamodb): ")]
    [InlineData("sqs-event.json", "The event is from aws:sqs, not a DynamoDB stream (eventSource aws:dynamodb): ")]
    [InlineData("kinesis-tumbling-window-event.json", "The event is from aws:kinesis, not a DynamoDB stream (eventSource aws:dynamodb): ")]
    [InlineData("mixed-sources-event.json", "Records[1] is from aws:sqs, not a DynamoDB stream (eventSource aws:dynamodb), in a batch with 2 records from aws:dynamodb: ")]
    public async Task Another_services_event_fails_the_invocation_naming_its_source_and_writes_nothing(string fixture, string problem)
    {
        using var input = new MemoryStream(Fixture(fixture));

        var error = await Assert.ThrowsAsync<StreamEventFormatException>(() => _function.HandleAsync(input));

        // As for an unparseable envelope: Lambda records the error, retries, and hands the batch to the on-failure destination.
        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("this function takes the DynamoDB stream's tumbling-window events.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_table.Writes);
        Assert.Equal(string.Empty, _log.ToString());
    }

    [Fact]
    public async Task A_payload_larger_than_the_first_read_buffer_is_read_whole()
    {
        // A non-seekable stream, as the runtime may hand over, holding more than the pooled 64 KiB first buffer.
        var json = System.Text.Encoding.UTF8.GetString(Fixture("tumbling-window-event.json"));
        var padded = json.Replace("\"state\": {},", "\"state\": {\"pad\": \"" + new string('x', 200_000) + "\"},", StringComparison.Ordinal);
        using var input = new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(padded));

        var outcome = await _function.AggregateAsync(input, CancellationToken.None);

        // The TTL expiry's day is touched too: its expiry is tallied apart on that day's shard item.
        Assert.Equal((5, 1, 2), (outcome.RecordsReceived, outcome.RecordsSkipped, outcome.DaysTouched));
    }

    [Fact]
    public void A_cold_start_without_AGGREGATES_TABLE_fails_naming_the_variable()
    {
        var environment = EnvironmentReader.From(new Dictionary<string, string> { ["REPORT_TIME_ZONE"] = "Europe/Berlin" });

        var error = Assert.Throws<SettingsException>(() => StreamAggregator.Compose(environment, TimeProvider.System, new FunctionOutput(TextWriter.Null, TextWriter.Null)));

        Assert.Equal("Invalid settings: AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table", error.Message);
    }

    public void Dispose() => _log.Dispose();

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_pretty_printed_event_gives_one_complete_JSON_document_per_log_line(string lineBreak)
    {
        // Every property on a line of its own, as an editor's "format document" leaves it: the skipped BONUS record's keys span five lines.
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PrettyPrinted(Fixture("tumbling-window-event.json")).ReplaceLineEndings(lineBreak)));

        await using var response = await _function.HandleAsync(input);

        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the skipped record and the EMF line
        Assert.All(lines, line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
        using var skipped = JsonDocument.Parse(lines[0]);
        Assert.Equal("""{"rewardId":{"S":"r-0003"}}""", skipped.RootElement.GetProperty("keys").GetRawText());
    }

    [Theory]
    [InlineData("KEYS_ONLY")]
    [InlineData("OLD_IMAGE")]
    public async Task An_event_from_a_stream_without_new_and_old_images_fails_the_invocation_naming_the_view_type(string viewType)
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixture("tumbling-window-event.json"))
            .Replace("\"NEW_AND_OLD_IMAGES\"", $"\"{viewType}\"", StringComparison.Ordinal)
            .Replace("\"NewImage\"", "\"Ignored\"", StringComparison.Ordinal);
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = await Assert.ThrowsAsync<StreamEventFormatException>(() => _function.HandleAsync(input));

        Assert.Contains($"its stream's StreamViewType is {viewType}, and the aggregator needs NEW_AND_OLD_IMAGES", error.Message, StringComparison.Ordinal);
        Assert.Empty(_table.Writes);
    }

    private static string PrettyPrinted(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
