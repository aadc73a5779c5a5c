namespace RewardAnalytics.Cli.IntegrationTests.Documentation;

/// <summary>README's demo output against a real demo run (its own local world: minutes, so apart from the quick README tests).</summary>
public sealed class ReadmeTests
{
    /// <summary>
    /// Runs the README's first command — <c>demo</c> at its defaults, seed 42 — and compares its table, checks and
    /// summary with the block README shows. The one run-dependent figure, the elapsed time, is masked on both sides;
    /// trailing spaces are dropped and a check line the console wrapped at its width is joined back into one line.
    /// </summary>
    [Fact]
    public async Task The_demo_output_shown_in_the_README_is_what_the_demo_prints()
    {
        var shown = ReadmeDemoBlock.Shown();

        var run = await CliRun.RunAsync(_ => null, "demo");

        Assert.True(run.ExitCode == ExitCodes.Success, $"the demo exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        Assert.Equal(ReadmeDemoBlock.MaskElapsed(shown), ReadmeDemoBlock.MaskElapsed(ReadmeDemoBlock.DemoResultLines(run.Output)));
    }
}
