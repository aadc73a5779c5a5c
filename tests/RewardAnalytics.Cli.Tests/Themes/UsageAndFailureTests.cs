using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.Tests.Themes;

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
        var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), ("ANALYTICS_BUCKET", "b-bucket")), command, "--date", date);

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

    [Theory]
    [InlineData(new[] { "total", "--date", "2023-11-15" }, "error: unknown command 'total'; did you mean 'totals'? (see 'reward-analytics --help')")]
    [InlineData(new[] { "invoke", "agregate" }, "error: unknown command 'agregate'; did you mean 'aggregate'? (see 'reward-analytics invoke --help')")]
    [InlineData(new[] { "xyzzy" }, "error: unknown command 'xyzzy' (see 'reward-analytics --help')")]
    [InlineData(new[] { "invoke" }, "error: 'reward-analytics invoke' needs a command: expected one of aggregate, finalize, totals-api (see 'reward-analytics invoke --help')")]
    [InlineData(new[] { "invoke", "aggregate" }, "error: Option '--event' is required. (see 'reward-analytics invoke aggregate --help')")]
    [InlineData(new[] { "totals", "--date", "2023-11-15", "--jsno" }, "error: unknown option '--jsno' for 'reward-analytics totals'; did you mean '--json'? (see 'reward-analytics totals --help')")]
    public async Task A_mistyped_command_line_names_the_unknown_word_the_nearest_known_one_and_the_full_command_path(string[] args, string message)
    {
        var run = await RunAsync(With(), args);

        Assert.Equal((ExitCodes.Usage, message + "\n", ""), (run.ExitCode, run.Error, run.Output));
    }

    [Theory]
    [InlineData(new[] { "demo", "--soak", "abc" }, "error: --soak is 'abc': expected a number (see 'reward-analytics demo --help')")]
    [InlineData(new[] { "demo", "--rewards", "lots" }, "error: --rewards is 'lots': expected a whole number (see 'reward-analytics demo --help')")]
    [InlineData(new[] { "reconcile", "--from", "2023-11-01", "--to", "2023-11-02", "--segments", "1.5" }, "error: --segments is '1.5': expected a whole number (see 'reward-analytics reconcile --help')")]
    public async Task A_value_of_the_wrong_form_says_what_was_expected_without_a_dotnet_type_name(string[] args, string message)
    {
        var run = await RunAsync(With(), args);

        Assert.Equal((ExitCodes.Usage, message + "\n"), (run.ExitCode, run.Error));
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local", "serve")]
    [InlineData("generate", "--out", "x.jsonl")]
    [InlineData("demo")]
    public async Task Local_is_refused_on_commands_that_do_not_use_AWS(params string[] args)
    {
        var run = await RunAsync(With(), [.. args, "--local"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: unknown option '--local' for 'reward-analytics ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoke", "aggregate")]
    [InlineData("invoke", "finalize")]
    [InlineData("totals")]
    [InlineData("finalize")]
    [InlineData("report")]
    [InlineData("reconcile")]
    public async Task Local_is_offered_on_every_command_that_uses_AWS(params string[] command)
    {
        var run = await RunAsync(With(), [.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--local", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("totals", "--date", "2023-11-15")]
    [InlineData("report", "--date", "2023-11-15")]
    [InlineData("finalize", "--date", "2023-11-15")]
    [InlineData("reconcile", "--from", "2023-11-14", "--to", "2023-11-15")]
    public async Task Every_command_that_uses_AWS_refuses_an_invalid_REPORT_TIME_ZONE_with_the_functions_message(params string[] args)
    {
        var run = await RunAsync(
            With(("AGGREGATES_TABLE", "t"), ("ANALYTICS_BUCKET", "b-bucket"), ("REWARDS_TABLE", "r"), ("REPORT_TIME_ZONE", "Berlin")), args);

        Assert.Equal(
            (2, "error: Invalid settings: REPORT_TIME_ZONE is 'Berlin': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'\n"),
            (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("reconcile", "--from", "2023-11-14", "--to", "2023-11-15")]
    [InlineData("backfill", "--from", "2023-11-14", "--to", "2023-11-15")]
    public async Task The_commands_that_scan_the_rewards_table_name_REWARDS_TABLE_with_the_other_missing_settings(params string[] args)
    {
        var run = await RunAsync(With(("ANALYTICS_BUCKET", "b-bucket")), args);

        Assert.Equal(
            (2, "error: Invalid settings: REWARDS_TABLE is not set: expected the name of the rewards table (the table the stream comes from); " +
                "AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table\n"),
            (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Report_refuses_a_malformed_REPORT_PREFIX_before_it_reads_anything()
    {
        var run = await RunAsync(With(("ANALYTICS_BUCKET", "b-bucket"), ("REPORT_PREFIX", "/daily")), "report", "--date", "2023-11-15");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Invalid settings: REPORT_PREFIX is '/daily': expected a key prefix ending in '/'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_path_that_is_a_directory_says_so()
    {
        var directory = AppContext.BaseDirectory.TrimEnd('/');

        var run = await RunAsync(With(("AGGREGATES_TABLE", "t")), "invoke", "aggregate", "--event", directory);

        Assert.Equal((2, $"error: --event is '{directory}': is a directory; expected a file\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Generate_to_a_directory_or_under_a_file_says_so_and_prints_no_success_line()
    {
        var directory = AppContext.BaseDirectory.TrimEnd('/');
        var underAFile = Path.Combine(Fixture("tumbling-window-event.json"), "events.jsonl");

        var toDirectory = await RunAsync(With(), "generate", "--out", directory);
        var toUnderAFile = await RunAsync(With(), "generate", "--out", underAFile);

        Assert.Equal((2, $"error: --out is '{directory}': is a directory; expected a file to write\n", ""), (toDirectory.ExitCode, toDirectory.Error, toDirectory.Output));
        Assert.Equal(
            (2, $"error: --out is '{underAFile}': '{Fixture("tumbling-window-event.json")}' is a file; expected a file in a directory\n", ""),
            (toUnderAFile.ExitCode, toUnderAFile.Error, toUnderAFile.Output));
    }

    [Fact]
    public async Task Generate_to_a_file_it_cannot_write_reports_one_error_and_no_success_line()
    {
        var run = await RunAsync(With(), "generate", "--rewards", "10", "--days", "1", "--out", "/proc/version");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("/proc/version", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_serve_with_data_that_is_a_file_says_so()
    {
        var file = Fixture("tumbling-window-event.json");

        var run = await RunAsync(With(), "local", "serve", "--data", file);

        Assert.Equal((2, $"error: --data is '{file}': is a file; expected a directory\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task A_demo_soak_with_json_is_a_usage_error()
    {
        var run = await RunAsync(With(), "demo", "--soak", "1", "--json");

        Assert.Equal((2, "error: --soak and --json together: a soak prints a line per round as it goes; expected one of them\n", ""), (run.ExitCode, run.Error, run.Output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("\uFEFF")]
    public async Task Invoke_finalize_with_an_empty_event_file_is_a_usage_error_not_yesterday(string content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), ("ANALYTICS_BUCKET", "b-bucket")), "invoke", "finalize", "--event", file);

            Assert.Equal(
                (2, $"error: --event '{Path.GetFileName(file)}' is empty, which is not JSON: expected {{\"date\":\"YYYY-MM-DD\"}}, or {{}} to finalize yesterday\n", ""),
                (run.ExitCode, run.Error, run.Output));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{\"DATE\":\"2023-11-15\"}", "--event 'f.json' has no \"date\" (its keys: \"DATE\"), so yesterday is finalized; unknown key \"DATE\": did you mean \"date\"?")]
    [InlineData("{\"day\":\"2023-11-15\"}", "--event 'f.json' has no \"date\" (its keys: \"day\"), so yesterday is finalized")]
    [InlineData("[]", "--event 'f.json' is a JSON array, not an object with \"date\", so yesterday is finalized")]
    [InlineData("\"2023-11-15\"", "--event 'f.json' is a JSON string, not an object with \"date\", so yesterday is finalized")]
    public void A_finalizer_payload_that_names_no_day_but_is_not_an_empty_object_gets_a_warning(string payload, string warning)
    {
        Assert.Equal(warning, FinalizePayload.Check(System.Text.Encoding.UTF8.GetBytes(payload), "--event 'f.json'"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"date\":\"2023-11-15\"}")]
    [InlineData("not json")]
    public void A_finalizer_payload_with_a_date_or_no_keys_gets_no_warning(string payload)
    {
        Assert.Null(FinalizePayload.Check(System.Text.Encoding.UTF8.GetBytes(payload), "--event 'f.json'"));
    }
}
