using System.Diagnostics;
using System.Text;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>A finished child process: its exit code and everything it wrote to stdout and stderr.</summary>
public sealed record ProcessRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>What a failed assertion shows: the command, the exit code and both streams.</summary>
    public override string ToString() =>
        $"`{Command}` exited with {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}--- stderr ---{Environment.NewLine}{StandardError}";

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> (passed as is, no shell) to the end.</summary>
    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = $"{fileName} {string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout}: stdout so far {await stdout} stderr {await stderr}");
        }

        return new ProcessRun(command, process.ExitCode, await stdout, await stderr);
    }
}
