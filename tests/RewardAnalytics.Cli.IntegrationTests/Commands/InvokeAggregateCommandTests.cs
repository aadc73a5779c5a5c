using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>invoke aggregate</c> against the local emulators, through the real SDK client: an event file, a JSON lines file, events it refuses.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class InvokeAggregateCommandTests(LocalAwsFixture fixture) : AggregatesTableScenario(fixture)
{
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
}
