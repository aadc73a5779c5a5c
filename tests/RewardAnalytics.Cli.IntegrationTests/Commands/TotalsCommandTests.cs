using System.Text.Json;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>totals</c> of a day or a range against the local emulators, after <c>invoke aggregate</c> wrote the day.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class TotalsCommandTests(LocalAwsFixture fixture) : AggregatesTableScenario(fixture)
{
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
}
