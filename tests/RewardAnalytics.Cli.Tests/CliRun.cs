using RewardAnalytics.Aws.Operations;

namespace RewardAnalytics.Cli.Tests;

/// <summary>One in-process run of <c>reward-analytics</c>: exit code and everything it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static Task<CliRun> RunAsync(Func<string, string?> environment, params string[] args) =>
        RunAsync(environment, RepairSteps.None, args);

    /// <summary>A run with <paramref name="steps"/> between the repair workflows' steps (stream records applied there).</summary>
    public static async Task<CliRun> RunAsync(Func<string, string?> environment, IRepairSteps steps, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await new CliApp(output, error, environment, TimeProvider.System) { RepairSteps = steps }.RunAsync(args, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
