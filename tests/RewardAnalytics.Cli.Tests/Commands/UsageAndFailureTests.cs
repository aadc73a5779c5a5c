using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary>Usage errors are exit 2 and failures exit 1, each one line naming the problem, never a stack trace.</summary>
public sealed class UsageAndFailureTests
{
    private static Func<string, string?> With(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static readonly Func<string, string?> Unreachable = With(
        ("AGGREGATES_TABLE", "reward-aggregates"),
        ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"));

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("15/11/2023")]
    [InlineData("2023-11-15T00:00")]
    [InlineData("yesterday")]
    public async Task A_bad_date_is_exit_2_with_one_line_naming_the_date_option(string date)
    {
        var run = await RunAsync(With(("AGGREGATES_TABLE", "t")), "totals", "--date", date);

        Assert.Equal((2, $"error: --date is '{date}': expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15\n", ""), (run.ExitCode, run.Error, run.Output));
    }

    [Theory]
    [InlineData("finalize", "0001-01-01")]
    [InlineData("totals", "1999-12-30")]
    [InlineData("finalize", "2100-01-02")]
    public async Task A_date_no_reward_can_fall_on_is_refused_with_the_range_that_can(string command, string date)
    {
        var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), ("ANALYTICS_BUCKET", "b")), command, "--date", date);

        Assert.Equal(
            (2, $"error: --date is '{date}': expected a day a reward can fall on, from 1999-12-31 to 2100-01-01\n", ""),
            (run.ExitCode, run.Error, run.Output));
    }

    [Fact]
    public async Task Totals_without_AGGREGATES_TABLE_is_exit_2_naming_the_variable()
    {
        var run = await RunAsync(With(), "totals", "--date", "2023-11-15");

        Assert.Equal(
            (2, "error: AGGREGATES_TABLE is not set: expected the name of the aggregates table (export the lines 'reward-analytics local serve' prints, or pass --local)\n"),
            (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Invoke_aggregate_without_AGGREGATES_TABLE_is_exit_2_naming_the_variable()
    {
        var run = await RunAsync(With(), "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        Assert.Equal((2, "error: Invalid settings: AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Invoke_aggregate_with_a_bad_time_zone_is_exit_2_naming_the_variable()
    {
        var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), ("REPORT_TIME_ZONE", "Berlin")), "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        Assert.Equal(
            (2, "error: Invalid settings: REPORT_TIME_ZONE is 'Berlin': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'\n"),
            (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task An_event_file_that_does_not_exist_is_exit_2_naming_the_event_option()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "Fixtures", "no-such-event.json");

        var run = await RunAsync(With(("AGGREGATES_TABLE", "t")), "invoke", "aggregate", "--event", missing);

        Assert.Equal((2, $"error: --event is '{missing}': expected an existing file\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task A_missing_required_option_is_exit_2_with_one_line_pointing_at_help()
    {
        var run = await RunAsync(With(), "report");

        Assert.Equal((2, "error: Option '--date' is required. (see 'reward-analytics report --help')\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Totals_against_an_unreachable_endpoint_is_exit_1_with_one_line_and_no_stack_trace()
    {
        var run = await RunAsync(Unreachable, "totals", "--date", "2023-11-15");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: AWS request failed: endpoint unreachable (", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_aggregate_against_an_unreachable_endpoint_prints_the_response_and_is_exit_1_ending_with_one_error_line()
    {
        var run = await RunAsync(Unreachable, "invoke", "aggregate", "--event", Fixture("tumbling-window-event.json"));

        Assert.Equal((1, "{\"state\":{},\"batchItemFailures\":[{\"itemIdentifier\":\"111000000000000000001\"}]}\n"), (run.ExitCode, run.Output));
        Assert.Equal(
            "error: the invocation failed: 1 batch item failure, to be retried from sequence number 111000000000000000001 (the function's log lines above say why)",
            run.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
