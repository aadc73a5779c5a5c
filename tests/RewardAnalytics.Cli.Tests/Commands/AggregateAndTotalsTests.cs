using System.Text.Json;
using Amazon.DynamoDBv2;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary><c>invoke aggregate</c>, <c>invoke totals-api</c> and <c>totals</c> (a day or a range) against the local emulators, through the real SDK client.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AggregateAndTotalsTests : IDisposable
{
    private readonly LocalAwsWorld _world;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table = $"aggregates-{Guid.NewGuid():N}";

    public AggregateAndTotalsTests(LocalAwsFixture fixture)
    {
        _world = fixture.World;
        _dynamo = _world.CreateDynamoDb();
        // A table of its own, so that no other test's invocations show in this test's totals.
        LocalAwsWorld.CreateAggregatesTableAsync(_dynamo, _table, default).GetAwaiter().GetResult();
    }

    private string? Environment(string name) => name == "AGGREGATES_TABLE" ? _table : _world.Get(name);

    [Fact]
    public async Task Totals_as_JSON_print_the_six_report_fields_in_report_number_style_after_the_sample_event_is_invoked()
    {
        var invoke = await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));
        var totals = await RunAsync(Environment, "totals", "--date", "2023-11-15", "--json");

        Assert.Equal((0, "{\"state\":{},\"batchItemFailures\":[]}\n"), (invoke.ExitCode, invoke.Output));
        Assert.Equal(2, invoke.ErrorLines.Length); // the skipped BONUS record and the EMF line, on stderr
        Assert.Equal((0, string.Empty), (totals.ExitCode, totals.Error));
        Assert.Equal(
            "{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": 1500.0,\n  \"total_redeemed\": 750.0,\n  \"net_rewards\": 750.0,\n  \"issued_count\": 1,\n  \"redeemed_count\": 1\n}\n",
            totals.Output);
    }

    [Fact]
    public async Task The_JSON_lines_file_generate_writes_is_replayed_whole_with_the_totals_of_invoking_each_line_on_its_own()
    {
        var directory = Directory.CreateTempSubdirectory("reward-analytics-jsonl-").FullName;
        var lineByLine = $"aggregates-{Guid.NewGuid():N}";
        await LocalAwsWorld.CreateAggregatesTableAsync(_dynamo, lineByLine, default);
        try
        {
            var events = Path.Combine(directory, "events.jsonl");
            Assert.Equal(0, (await RunAsync(_ => null, "generate", "--rewards", "60", "--days", "2", "--out", events)).ExitCode);
            var lines = await File.ReadAllLinesAsync(events);

            var whole = await RunAsync(Environment, "invoke", "aggregate", "--event", events);
            foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            {
                var one = Path.Combine(directory, $"event-{i}.json");
                await File.WriteAllTextAsync(one, line);
                var single = await RunAsync(name => name == "AGGREGATES_TABLE" ? lineByLine : _world.Get(name), "invoke", "aggregate", "--event", one);
                Assert.True(single.ExitCode == 0, single.Error);
            }

            Assert.True(whole.ExitCode == 0, whole.Error);
            Assert.Equal(Enumerable.Repeat("{\"state\":{},\"batchItemFailures\":[]}", lines.Length), whole.Output.TrimEnd('\n').Split('\n'));
            Assert.Equal($"invoked the aggregator with {lines.Length} events, one a line of {events}", whole.ErrorLines[^1]);
            foreach (var day in new[] { "2025-03-03", "2025-03-04" })
            {
                var replayed = await RunAsync(Environment, "totals", "--date", day, "--json");
                var oneByOne = await RunAsync(name => name == "AGGREGATES_TABLE" ? lineByLine : _world.Get(name), "totals", "--date", day, "--json");
                Assert.Contains("\"issued_count\": ", replayed.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("\"issued_count\": 0,", replayed.Output, StringComparison.Ordinal);
                Assert.Equal(oneByOne.Output, replayed.Output);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_line_in_a_JSON_lines_event_file_stops_the_replay_naming_its_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.jsonl");
        var good = (await File.ReadAllTextAsync(Fixture("tumbling-window-event.json"))).ReplaceLineEndings(" ");
        await File.WriteAllTextAsync(file, $"{good}\n\n{{\"Records\": 5}}\n{good}\n");
        try
        {
            var invoke = await RunAsync(Environment, "invoke", "aggregate", "--event", file);

            Assert.Equal(1, invoke.ExitCode);
            Assert.Equal(["{\"state\":{},\"batchItemFailures\":[]}"], invoke.Output.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"error: the event on line 3 of --event '{Path.GetFileName(file)}' was refused: ", invoke.ErrorLines[^1], StringComparison.Ordinal);
            Assert.EndsWith("(1 events before it were applied, none after it)", invoke.ErrorLines[^1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_event_file_saved_with_a_UTF8_byte_order_mark_is_invoked_like_one_without()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bom-event-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. await File.ReadAllBytesAsync(Fixture("tumbling-window-event.json"))]);
        try
        {
            var invoke = await RunAsync(Environment, "invoke", "aggregate", "--event", file);
            var totals = await RunAsync(Environment, "totals", "--date", "2023-11-15", "--json");

            Assert.Equal((0, "{\"state\":{},\"batchItemFailures\":[]}\n"), (invoke.ExitCode, invoke.Output));
            Assert.Contains("\"total_issued\": 1500.0", totals.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Invoking_the_same_event_twice_counts_it_once()
    {
        await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));
        await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        var totals = await RunAsync(Environment, "totals", "--date", "2023-11-15");

        Assert.Equal(
            "date            2023-11-15\ntotal_issued    1500.0\ntotal_redeemed  750.0\nnet_rewards     750.0\nissued_count    1\nredeemed_count  1\n",
            totals.Output);
    }

    [Fact]
    public async Task Totals_of_a_day_with_no_items_are_zeros()
    {
        var totals = await RunAsync(Environment, "totals", "--date", "2023-11-14", "--json");

        Assert.Equal(
            "{\n  \"date\": \"2023-11-14\",\n  \"total_issued\": 0.0,\n  \"total_redeemed\": 0.0,\n  \"net_rewards\": 0.0,\n  \"issued_count\": 0,\n  \"redeemed_count\": 0\n}\n",
            totals.Output);
    }

    [Fact]
    public async Task Totals_of_a_table_that_does_not_exist_is_exit_1_with_one_line()
    {
        var run = await RunAsync(name => name == "AGGREGATES_TABLE" ? "no-such-table" : _world.Get(name), "totals", "--date", "2023-11-15");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: AWS request failed: table not found (", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Invoking_an_event_that_is_not_a_stream_event_is_exit_2_naming_the_problem()
    {
        var run = await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("not-a-tumbling-window-event.json"));

        Assert.Equal(
            (2, "error: the event was refused: The event has no 'shardId': the event source mapping must set a tumbling window (TumblingWindowInSeconds) so that each invocation names its shard.\n"),
            (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("s3-put-event.json", "aws:s3")]
    [InlineData("sqs-event.json", "aws:sqs")]
    [InlineData("kinesis-tumbling-window-event.json", "aws:kinesis")]
    public async Task Invoking_another_services_event_is_exit_2_naming_its_event_source(string fixture, string source)
    {
        var run = await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture(fixture));

        Assert.Equal(
            (2, "", $"error: the event was refused: The event is from {source}, not a DynamoDB stream (eventSource aws:dynamodb): " +
                "this function takes the DynamoDB stream's tumbling-window events.\n"),
            (run.ExitCode, run.Output, run.Error));
    }

    [Fact]
    public async Task Invoking_a_batch_with_an_SQS_record_among_stream_records_is_exit_2_naming_the_record_and_writes_nothing()
    {
        var run = await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("mixed-sources-event.json"));
        var totals = await RunAsync(Environment, "totals", "--date", "2023-11-15", "--json");

        Assert.Equal((2, ""), (run.ExitCode, run.Output));
        Assert.StartsWith(
            "error: the event was refused: Records[1] is from aws:sqs, not a DynamoDB stream (eventSource aws:dynamodb), in a batch with 2 records from aws:dynamodb: ",
            Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("\"issued_count\": 0,\n  \"redeemed_count\": 0\n", totals.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_prints_each_day_with_its_revision_and_the_sum()
    {
        await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        var run = await RunAsync(Environment, "totals", "--from", "2023-11-14", "--to", "2023-11-15");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal(
            "date        total_issued  total_redeemed  net_rewards  issued_count  redeemed_count  final_revision\n" +
            "2023-11-14  0.0           0.0             0.0          0             0               -\n" +
            "2023-11-15  1500.0        750.0           750.0        1             1               -\n" +
            "sum         1500.0        750.0           750.0        1             1\n",
            run.Output);
    }

    [Fact]
    public async Task A_range_as_JSON_is_the_totals_APIs_range_body()
    {
        await RunAsync(Environment, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        var run = await RunAsync(Environment, "totals", "--from", "2023-11-15", "--to", "2023-11-15", "--json");

        using var body = JsonDocument.Parse(run.Output);
        Assert.Equal("2023-11-15", body.RootElement.GetProperty("from").GetString());
        var day = Assert.Single(body.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("final_revision").ValueKind);
        Assert.Equal(
            """{"total_issued":1500.0,"total_redeemed":750.0,"net_rewards":750.0,"issued_count":1,"redeemed_count":1}""",
            body.RootElement.GetProperty("sum").GetRawText());
    }

    [Theory]
    [InlineData(new[] { "--from", "2023-11-15" }, "error: totals needs either --date YYYY-MM-DD, or --from YYYY-MM-DD with --to YYYY-MM-DD")]
    [InlineData(new[] { "--date", "2023-11-15", "--from", "2023-11-15", "--to", "2023-11-15" }, "error: totals needs either --date YYYY-MM-DD, or --from YYYY-MM-DD with --to YYYY-MM-DD")]
    [InlineData(new string[0], "error: totals needs either --date YYYY-MM-DD, or --from YYYY-MM-DD with --to YYYY-MM-DD")]
    [InlineData(new[] { "--from", "2023-11-15", "--to", "2023-11-14" }, "error: --to is 2023-11-14, before --from 2023-11-15: expected --from <= --to")]
    [InlineData(new[] { "--from", "2023-01-01", "--to", "2024-01-02" }, "error: --from 2023-01-01 --to 2024-01-02 is 367 days: expected at most 366 days")]
    [InlineData(new[] { "--from", "2023-11-31", "--to", "2023-12-01" }, "error: --from is '2023-11-31': expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15")]
    public async Task A_bad_range_is_exit_2_with_one_line_naming_the_option(string[] options, string error)
    {
        var run = await RunAsync(Environment, ["totals", .. options]);

        Assert.Equal((2, error + "\n", string.Empty), (run.ExitCode, run.Error, run.Output));
    }

    [Fact]
    public async Task Invoke_totals_api_runs_the_real_entry_point_on_the_documented_function_URL_event()
    {
        var run = await RunAsync(Environment, "invoke", "totals-api", "--event", Fixture("function-url-request-event.json"));

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        using var response = JsonDocument.Parse(run.Output);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        using var body = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        Assert.Equal("2025-03-03", body.RootElement.GetProperty("date").GetString());
        Assert.Equal("0.0", body.RootElement.GetProperty("total_issued").GetRawText());
    }

    [Fact]
    public async Task Invoke_totals_api_on_a_stream_event_is_exit_2_saying_what_event_it_expected()
    {
        var run = await RunAsync(Environment, "invoke", "totals-api", "--event", Fixture("tumbling-window-event.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: --event 'tumbling-window-event.json' has neither widgetContext nor rawPath and requestContext.http.method: " +
            "expected a Lambda function URL event (payload format 2.0: rawPath, requestContext.http.method) or a CloudWatch custom widget event (widgetContext)\n",
            run.Error);
    }

    public void Dispose() => _dynamo.Dispose();
}
