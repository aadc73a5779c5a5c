namespace RewardAnalytics.Cli.Tests.Themes;

/// <summary>Every command's <c>--help</c> ends with an example of the command as an operator types it (in process, no environment).</summary>
public sealed class HelpTests
{
    private static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(_ => null, args);

    [Theory]
    [InlineData("finalize", "Example: reward-analytics finalize --date 2023-11-15 --json")]
    [InlineData("report", "Example: reward-analytics report --date 2023-11-15")]
    [InlineData("reconcile", "Example: reward-analytics reconcile --from 2023-11-01 --to 2023-11-15 --fix")]
    public async Task Each_command_has_help_with_an_example(string command, string example)
    {
        var result = await RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(example, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backfill", "Example: reward-analytics backfill --from 2023-01-01 --to 2023-11-14")]
    [InlineData("parity", "Example: reward-analytics parity --from 2023-11-01 --to 2023-11-14 --baseline-prefix daily-rewards/ --candidate-prefix daily-rewards-shadow/")]
    public async Task Each_cutover_command_has_help_with_an_example(string command, string example)
    {
        var result = await RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(example, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("generate")]
    [InlineData("local", "serve")]
    public async Task Help_explains_each_new_command_with_an_example(params string[] command)
    {
        var stdout = new StringWriter();
        var code = await new CliApp(stdout, new StringWriter(), _ => null, TimeProvider.System).RunAsync([.. command, "--help"], CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains($"Example: reward-analytics {string.Join(' ', command)}", stdout.ToString(), StringComparison.Ordinal);
    }
}
