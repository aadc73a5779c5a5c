using System.Text.Json;
using Amazon.DynamoDBv2;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary><c>totals --from --to</c> and <c>invoke totals-api</c> against the local emulators, after the sample event is aggregated.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class TotalsRangeAndApiTests : IDisposable
{
    private readonly LocalAwsWorld _world;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table = $"aggregates-{Guid.NewGuid():N}";

    public TotalsRangeAndApiTests(LocalAwsFixture fixture)
    {
        _world = fixture.World;
        _dynamo = _world.CreateDynamoDb();
        LocalAwsWorld.CreateAggregatesTableAsync(_dynamo, _table, default).GetAwaiter().GetResult();
    }

    private string? Environment(string name) => name == "AGGREGATES_TABLE" ? _table : _world.Get(name);

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
