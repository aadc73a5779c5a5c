using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.Tests.Themes;

/// <summary>
/// What a new user's second hour broke (issue 21): endpoints without a scheme, settings errors that named one variable
/// of several, AWS errors that were not one line, events refused with different exit codes, a --data that cannot be written.
/// </summary>
public sealed class SecondHourTests
{
    private static Func<string, string?> With(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000", "expected a URL such as http://localhost:8000")]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "ftp://x", "expected an http:// or https:// URL such as http://localhost:8000")]
    [InlineData("AWS_ENDPOINT_URL_S3", "127.0.0.1:4569", "expected a URL such as http://127.0.0.1:4569")]
    [InlineData("AWS_ENDPOINT_URL", "localhost", "expected a URL such as http://localhost")]
    public async Task An_endpoint_that_is_not_an_http_URL_is_exit_2_naming_the_variable_not_a_crash(string variable, string value, string expected)
    {
        var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), (variable, value)), "totals", "--date", "2025-03-03");

        Assert.Equal((2, $"error: Invalid settings: {variable} is '{value}': {expected}\n", ""), (run.ExitCode, run.Error, run.Output));
    }

    [Fact]
    public void The_functions_refuse_an_endpoint_without_a_scheme_with_their_other_settings()
    {
        var environment = Core.Settings.EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["ANALYTICS_BUCKET"] = "b-bucket",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "localhost:8000",
            ["REPORT_TIME_ZONE"] = "Mars/Phobos",
        });

        var error = Assert.Throws<Core.Settings.SettingsException>(() =>
            new Functions.DailyFinalizer(Functions.DailyFinalizer.Compose(environment, TimeProvider.System, new Functions.FunctionOutput(TextWriter.Null, TextWriter.Null), Core.Finalization.MetricsDelivery.LambdaLogStream)));

        Assert.Equal(
            "Invalid settings: AWS_ENDPOINT_URL_DYNAMODB is 'localhost:8000': expected a URL such as http://localhost:8000; " +
            "REPORT_TIME_ZONE is 'Mars/Phobos': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'",
            error.Message);
    }

    [Fact]
    public async Task Every_bad_setting_is_named_in_one_message_even_those_of_different_functions()
    {
        var run = await RunAsync(
            With(("AGGREGATES_TABLE", "t"), ("REPORT_TIME_ZONE", "Mars/Phobos"), ("RECHECK_DAYS", "abc"), ("REWARD_TYPE_ATTRIBUTE", "amount")),
            "totals", "--date", "2025-03-03");

        Assert.Equal(
            (2, "error: Invalid settings: REPORT_TIME_ZONE is 'Mars/Phobos': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'; " +
                "REWARD_AMOUNT_ATTRIBUTE is 'amount', the same attribute as REWARD_TYPE_ATTRIBUTE: expected different attribute names for a reward's type, amount and createdAt; " +
                "RECHECK_DAYS is 'abc': expected a whole number from 0 to 31\n"),
            (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("aggregate", "")]
    [InlineData("aggregate", "not json")]
    [InlineData("finalize", "")]
    [InlineData("finalize", "not json")]
    [InlineData("totals-api", "")]
    [InlineData("totals-api", "not json")]
    public async Task Every_invoke_command_refuses_an_empty_or_malformed_event_with_exit_2(string command, string content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var run = await RunAsync(With(("AGGREGATES_TABLE", "t"), ("ANALYTICS_BUCKET", "b-bucket")), "invoke", command, "--event", file);

            Assert.Equal((ExitCodes.Usage, ""), (run.ExitCode, run.Output));
            Assert.StartsWith("error: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/sys/reward-analytics-data", "the directory cannot be created (permission denied)")]
    [InlineData("/sys", "no file can be created in it (permission denied)")]
    [InlineData("/proc/self", "no file can be created in it (the file system does not allow it there)")]
    [InlineData("/proc/reward-analytics-data", "the directory cannot be created (the file system does not allow it there)")]
    public async Task A_data_directory_that_cannot_be_written_is_named_with_the_option_and_why(string path, string why)
    {
        var serve = await RunAsync(With(), "local", "serve", "--data", path);
        var demo = await RunAsync(With(), "demo", "--data", path);

        var expected = $"error: --data is '{path}': {why}; expected a directory this user can create files in\n";
        Assert.Equal((2, expected), (serve.ExitCode, serve.Error));
        Assert.Equal((2, expected), (demo.ExitCode, demo.Error));
    }

    [Fact]
    public void A_long_cell_widens_only_its_own_row_of_a_text_table()
    {
        var error = "the body is not JSON ('h' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.)";

        var text = Commands_TextGrid([["date", "field", "baseline", "candidate"], ["2025-03-03", "body", error, "readable"], ["2025-03-04", "net_rewards", "1.0", "2.0"]]);

        Assert.Equal(
            "date        field        baseline  candidate\n" +
            $"2025-03-03  body         {error}  readable\n" +
            "2025-03-04  net_rewards  1.0       2.0",
            text);
    }

    private static string Commands_TextGrid(string[][] rows) => RewardAnalytics.Cli.Commands.TextGrid.Render(rows);
}
