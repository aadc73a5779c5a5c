namespace RewardAnalytics.Cli.IntegrationTests.Themes;

/// <summary>What a new user's second hour broke (issue 21) that only a real demo run shows: a redirected demo prints each check on one line.</summary>
public sealed class SecondHourTests
{
    [Fact]
    public async Task A_demo_whose_output_is_redirected_prints_each_check_on_one_line_however_long()
    {
        using var demo = CliProcess.Start(new Dictionary<string, string?>(),
            "demo", "--rewards", "1500", "--days", "3", "--shards", "3", "--seed", "5", "--time-zone", "America/New_York");

        var code = await demo.WaitForExitAsync(TimeSpan.FromMinutes(5));

        Assert.True(code == ExitCodes.Success, $"the demo exited with {code}:\n{demo.Output}\n{demo.Error}");
        var lines = demo.Output.Split('\n');
        var checks = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("  ✔ ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, checks.Length);
        // A check wrapped at a width would continue on a line that is neither a check nor blank.
        Assert.All(checks, c => Assert.True(lines[c.i + 1].Length == 0 || lines[c.i + 1].StartsWith("  ✔ ", StringComparison.Ordinal), lines[c.i + 1]));
        Assert.Contains(checks, c => c.line.Length > 160);
        Assert.DoesNotContain('\u001b', demo.Output);
    }
}
