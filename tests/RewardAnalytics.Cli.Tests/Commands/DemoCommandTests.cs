namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary><c>reward-analytics demo</c>'s options and help, refused or printed before any world starts (the runs are in RewardAnalytics.Cli.IntegrationTests).</summary>
public sealed class DemoCommandTests
{
    [Theory]
    [InlineData("--days", "0", "--days is 0: expected a number of days from 1 to 366")]
    [InlineData("--time-zone", "Mars/Olympus", "--time-zone is 'Mars/Olympus': expected an IANA time-zone id")]
    [InlineData("--shards", "65", "--shards is 65: expected a number of shards from 1 to 64")]
    public async Task A_bad_demo_option_is_a_usage_error_naming_it(string option, string value, string message)
    {
        var stderr = new StringWriter();
        var code = await new CliApp(new StringWriter(), stderr, _ => null, TimeProvider.System).RunAsync(["demo", option, value], CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("generate", "--out", "never-written.jsonl")]
    public async Task More_rewards_than_memory_allows_is_a_usage_error_saying_why(params string[] command)
    {
        var stderr = new StringWriter();
        var code = await new CliApp(new StringWriter(), stderr, _ => null, TimeProvider.System)
            .RunAsync([.. command, "--rewards", "10000000"], CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            "error: --rewards is 10000000: expected a number of reward writes from 10 to 500000 " +
            "(demo and generate hold the whole workload in memory, about 6 KB a reward: some 3 GB at the bound)\n",
            stderr.ToString());
        Assert.False(File.Exists("never-written.jsonl"));
    }

    [Fact]
    public async Task Only_the_demo_says_its_seed_picks_the_faults_since_generate_injects_none()
    {
        var demo = new StringWriter();
        var generate = new StringWriter();
        await new CliApp(demo, new StringWriter(), _ => null, TimeProvider.System).RunAsync(["demo", "--help"], CancellationToken.None);
        await new CliApp(generate, new StringWriter(), _ => null, TimeProvider.System).RunAsync(["generate", "--help"], CancellationToken.None);

        Assert.Contains("(and the same faults)", demo.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("same faults", generate.ToString(), StringComparison.Ordinal);
        Assert.Contains("Same seed, same workload (no faults are injected).", generate.ToString(), StringComparison.Ordinal);
    }
}
