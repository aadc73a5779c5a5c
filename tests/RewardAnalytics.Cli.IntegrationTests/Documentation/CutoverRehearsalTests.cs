using System.Diagnostics;
using System.Text;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Cli.IntegrationTests.Documentation;

/// <summary>
/// docs/cutover.md's "Rehearse it locally" block, run as written by <c>tools/cutover-rehearsal/run</c> against a real
/// <c>local serve</c> (this test run's build of the CLI), so that a change to a command or to the block cannot break the
/// documented procedure silently. The script checks each command by its exit code, rows and day counts.
/// </summary>
public sealed class CutoverRehearsalTests(ITestOutputHelper output)
{
    private static readonly string Script = RepositoryRoot.Combine("tools", "cutover-rehearsal", "run");
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "reward-analytics.dll");

    [Fact]
    public async Task The_rehearsal_block_of_the_cutover_guide_does_what_the_guide_says_against_local_serve()
    {
        var run = await RunScriptAsync(new Dictionary<string, string?> { ["REWARD_ANALYTICS_DLL"] = Cli }, TimeSpan.FromMinutes(8));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0,
            $"tools/cutover-rehearsal/run exited with {run.ExitCode} (2: it could not start, e.g. no aws CLI on PATH; 1: the block failed " +
            $"or did not do what docs/cutover.md says):\n{run.Output}\n{run.Error}");
        Assert.EndsWith("\ncutover-rehearsal: OK\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_aws_CLI_on_PATH_the_rehearsal_stops_before_it_starts_anything_and_says_why()
    {
        var path = string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Where(dir => dir.Length > 0 && !File.Exists(Path.Combine(dir, "aws"))));

        var run = await RunScriptAsync(new Dictionary<string, string?> { ["PATH"] = path, ["REWARD_ANALYTICS_DLL"] = Cli }, TimeSpan.FromMinutes(1));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("cutover-rehearsal: the aws CLI is not on PATH: the rehearsal block writes the platform's rewards", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs the script with bash; on timeout, ends it with everything it started (local serve and its emulators).</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.FullPath,
        };
        start.ArgumentList.Add(Script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tools/cutover-rehearsal/run did not end within {timeout}:\n{Read(stdout)}\n{Read(stderr)}");
        }

        process.WaitForExit(); // the redirected streams are drained
        return (process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
