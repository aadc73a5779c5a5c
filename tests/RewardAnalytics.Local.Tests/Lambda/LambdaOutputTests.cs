using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Lambda;
using RewardAnalytics.Local.StreamEvents;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Local.Tests.Lambda;

/// <summary>
/// Console.Out as the managed runtime replaces it, and what CloudWatch can extract from a function's log stream
/// under each log format: EMF reaches CloudWatch only as the root object of its log event.
/// </summary>
public sealed class LambdaOutputTests
{
    private static readonly DateTimeOffset Now = new(2023, 11, 15, 9, 26, 0, 123, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void Under_the_JSON_log_format_a_console_line_is_wrapped_as_the_message_of_the_runtimes_JSON_object()
    {
        using var stream = new StringWriter();
        var console = new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock) { RequestId = "8f5e-42" };

        console.WriteLine("""{"_aws":{}}""");
        console.Write("no line end ");
        console.WriteLine("done");

        Assert.Equal(
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Information","requestId":"8f5e-42","message":"{\u0022_aws\u0022:{}}"}""" + "\n" +
            """no line end {"timestamp":"2023-11-15T09:26:00.123Z","level":"Information","requestId":"8f5e-42","message":"done"}""" + "\n",
            stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Under_the_text_log_format_a_console_line_gets_the_time_request_id_and_level_prefix()
    {
        using var stream = new StringWriter();
        var console = new LambdaConsoleWriter(stream, LambdaLogFormat.Text, _clock) { RequestId = "8f5e-42" };

        console.WriteLine("hello");

        Assert.Equal("2023-11-15T09:26:00.123Z\t8f5e-42\tinfo\thello\n", stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Console_Error_is_wrapped_at_level_Error_and_every_entry_of_an_invocation_carries_its_trace_id()
    {
        using var stream = new StringWriter();
        var error = new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock, LambdaConsoleWriter.ErrorLevel);

        error.WriteLine("before the first invocation");
        (error.RequestId, error.TraceId) = ("8f5e-42", "Root=1-65549b68-0123456789abcdef01234567;Parent=89abcdef01234567;Sampled=0");
        error.WriteLine("during it");

        Assert.Equal(
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Error","message":"before the first invocation"}""" + "\n" +
            """{"timestamp":"2023-11-15T09:26:00.123Z","level":"Error","requestId":"8f5e-42","traceId":"Root=1-65549b68-0123456789abcdef01234567;Parent=89abcdef01234567;Sampled=0","message":"during it"}""" + "\n",
            stream.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_exception_the_runtime_caught_is_one_Error_entry_with_its_full_type_message_and_stack_lines()
    {
        using var json = new StringWriter();
        using var text = new StringWriter();
        var caught = new System.Reflection.TargetInvocationException(new InvalidOperationException("bad settings"));

        new LambdaConsoleWriter(json, LambdaLogFormat.Json, _clock).WriteException(caught);
        new LambdaConsoleWriter(text, LambdaLogFormat.Text, _clock).WriteException(caught);

        using var entry = System.Text.Json.JsonDocument.Parse(json.ToString());
        var root = entry.RootElement;
        Assert.Equal(("Error", "", "System.Reflection.TargetInvocationException", "Exception has been thrown by the target of an invocation."),
            (root.GetProperty("level").GetString(), root.GetProperty("message").GetString(), root.GetProperty("errorType").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.Contains(root.GetProperty("stackTrace").EnumerateArray(), l => l.GetString() == "---> System.InvalidOperationException: bad settings");
        Assert.StartsWith("2023-11-15T09:26:00.123Z\t\tfail\tSystem.Reflection.TargetInvocationException: Exception has been thrown", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, LambdaLogFormat.Json)]
    [InlineData("JSON", LambdaLogFormat.Json)]
    [InlineData("json", LambdaLogFormat.Json)]
    [InlineData("Text", LambdaLogFormat.Text)]
    [InlineData("anything", LambdaLogFormat.Text)]
    public void The_log_format_is_read_as_the_runtime_reads_it_defaulting_to_what_the_stack_deploys(string? value, LambdaLogFormat expected)
    {
        Assert.Equal(expected, LambdaConsoleWriter.ParseFormat(value));
    }

    [Fact]
    public void An_EMF_document_wrapped_in_the_runtimes_log_object_yields_no_metric()
    {
        const string emf = """{"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"LoyaltyPlatform/Rewards","Dimensions":[[]],"Metrics":[{"Name":"NetRewards","Unit":"None"}]}]},"NetRewards":750.0}""";
        using var stream = new StringWriter();
        new LambdaConsoleWriter(stream, LambdaLogFormat.Json, _clock).WriteLine(emf);

        Assert.Empty(EmfMetricExtractor.Extract(stream.ToString()));
        var metric = Assert.Single(EmfMetricExtractor.Extract(emf));
        Assert.Equal(("LoyaltyPlatform/Rewards", "NetRewards", 750.0m, "None"), (metric.Namespace, metric.Name, metric.Value, metric.Unit));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), metric.Timestamp);
    }

    [Theory]
    [InlineData("""{"_aws":{"Timestamp":"now","CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Environment"]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":"1"}""")]
    [InlineData("""2023-11-15T09:26:00.123Z	8f5e	info	{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}""")]
    public void A_log_event_that_breaks_an_EMF_rule_yields_no_metric(string logEvent)
    {
        Assert.Empty(EmfMetricExtractor.FromEvent(logEvent));
    }

    [Theory]
    [InlineData(LambdaLogFormat.Json)]
    [InlineData(LambdaLogFormat.Text)]
    public async Task The_aggregators_metrics_reach_CloudWatch_under_either_log_format(LambdaLogFormat format)
    {
        using var logStream = new StringWriter();
        var function = new StreamAggregator(new StreamAggregation(
            new AggregatorSettings { AggregatesTable = "aggregates" }, new NullAggregatesTable(), _clock, LambdaProcessOutput.For(logStream, format, _clock).Log));
        var records = new[] { Insert(1, Item("r1", "ISSUED", "10", "2023-11-15T08:00:00Z")), Insert(2, Item("r2", "BOGUS", "1", "2023-11-15T08:00:00Z")) };
        using var input = new MemoryStream(StreamRecord.WriteEvent(ShardA, records, Now.AddMinutes(-5), Now));

        await function.HandleAsync(input);

        var metrics = EmfMetricExtractor.Extract(logStream.ToString());
        Assert.Equal(2m, metrics.Single(m => m.Name == "RecordsReceived").Value);
        Assert.Equal(1m, metrics.Single(m => m.Name == "RecordsSkipped").Value);
        // The skipped record's log line is a JSON object of its own too, queryable by its fields.
        var skipped = logStream.ToString().Split('\n').Single(l => l.Contains("stream record skipped", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(skipped);
        Assert.Equal("type_unknown", json.RootElement.GetProperty("reason").GetString());
    }

    /// <summary>A table that applies every group (what it stores does not matter to what the function logs).</summary>
    private sealed class NullAggregatesTable : IAggregatesTable
    {
        public Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken) =>
            Task.FromResult(new WatermarkWrite(1, 0, group.EntryCount, 0));

        public bool IsTransient(Exception error) => false;
    }
}
