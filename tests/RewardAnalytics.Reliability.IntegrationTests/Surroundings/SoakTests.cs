using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Cli;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Workload;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Reliability.IntegrationTests.Surroundings;

/// <summary><c>demo --soak</c> briefly, at a small size: rounds keep coming and the running mismatch count stays 0 (and does not when a bug is planted).</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_short_soak_runs_several_verified_rounds_and_keeps_the_running_mismatch_count_at_zero()
    {
        var (code, text) = await RunAsync("demo", "--soak", "0.1", "--rewards", "300", "--days", "2", "--shards", "2", "--seed", "31");

        output.WriteLine(text);
        var rounds = text.Split('\n').Where(l => l.StartsWith("round ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(rounds.Length >= 2, $"expected several rounds in 6 s, got {rounds.Length}");
        Assert.All(rounds, line => Assert.EndsWith("running mismatch count 0", line[..line.LastIndexOf(" [", StringComparison.Ordinal)], StringComparison.Ordinal));
        Assert.Contains("mismatches 0 (all rounds matched)", text, StringComparison.Ordinal);
        Figures.Print(output, $"soak rounds={rounds.Length} mismatches=0");
    }

    [Fact]
    public async Task A_soak_with_a_planted_double_count_reports_a_running_mismatch_count_above_zero_and_exits_1()
    {
        // The CLI has no way to plant a bug, so this drives the soak `demo --soak 0.01 --rewards 300 --days 2 --shards 2
        // --seed 31` runs through the Local API, and prints its rounds and exit code the way the command does.
        var options = new DemoOptions
        {
            Workload = new WorkloadOptions { Rewards = 300, Days = 2, Seed = 31 },
            Shards = 2,
        };
        var stdout = new StringWriter();
        await using var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions(), CancellationToken.None);
        var soak = new DemoSoak(world, options, TimeSpan.FromMinutes(0.01),
            (dynamo, table, clock) => new ReplayCountingAggregatesTable(new DynamoAggregatesWriter(dynamo, table, clock)));
        soak.RoundDone += round => DemoReport.WriteSoakRound(stdout, round);
        var summary = await soak.RunAsync(CancellationToken.None);
        await stdout.WriteLineAsync(DemoReport.SoakDone(summary));
        var (code, text) = (DemoReport.ExitCode(summary), stdout.ToString());

        output.WriteLine(text);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("  MISMATCH ", text, StringComparison.Ordinal);
        Assert.Contains("(FAILED)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_soak_of_no_time_is_a_usage_error_naming_the_option()
    {
        var stderr = new StringWriter();
        var code = await new CliApp(new StringWriter(), stderr, _ => null, TimeProvider.System).RunAsync(["demo", "--soak", "0"], CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--soak is 0: expected a number of minutes above 0", stderr.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await new CliApp(stdout, stderr, _ => null, TimeProvider.System).RunAsync(args, CancellationToken.None);
        return (code, stdout + stderr.ToString());
    }
}
