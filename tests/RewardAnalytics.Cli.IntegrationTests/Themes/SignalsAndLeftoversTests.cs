using System.Text.RegularExpressions;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Themes;

/// <summary>
/// What only the real process shows: Ctrl-C and SIGTERM end it cleanly and stop what it started (emulators, the first
/// run's npm ci), a failed start leaves nothing behind, and a --data directory in use says by whom.
/// </summary>
public sealed partial class SignalsAndLeftoversTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("reward-analytics-signal-tests-").FullName;

    [Fact]
    public async Task Local_serve_ends_with_exit_0_and_stops_its_emulators_on_Ctrl_C_after_serving_requests_every_time()
    {
        await InstalledAsync();
        for (var run = 0; run < 3; run++)
        {
            var envFile = Path.Combine(_directory, $"local-{run}.env");
            using var serve = CliProcess.Start(new Dictionary<string, string?>(), "local", "serve", "--env-file", envFile);
            await serve.WaitForErrorAsync(e => e.Contains("Ctrl-C stops it.", StringComparison.Ordinal), Patience);
            var environment = (await File.ReadAllLinesAsync(envFile)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            for (var i = 0; i < 3; i++)
            {
                var totals = await CliRun.RunAsync(name => environment.GetValueOrDefault(name), "totals", "--date", "2025-03-03");
                Assert.True(totals.ExitCode == 0, totals.Error);
            }

            // A terminal's Ctrl-C can reach the CLI more than once (through 'dotnet run' and directly); keep sending until it ends.
            while (!serve.HasExited)
            {
                serve.Signal("INT");
                await Task.Delay(20);
            }

            var code = await serve.WaitForExitAsync(Patience);
            Assert.True(code == 0, $"run {run}: exit code {code}\n{serve.Error}");
            Assert.DoesNotContain("Exception", serve.Error, StringComparison.Ordinal);
            var pids = Pids().Match(serve.Error);
            Assert.True(pids.Success, serve.Error);
            Assert.All([pids.Groups[1].Value, pids.Groups[2].Value], pid => Assert.False(CliProcess.IsRunning(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)), $"emulator {pid} still runs"));
        }
    }

    [Fact]
    public async Task Ctrl_C_of_local_serve_removes_its_env_file_so_no_dead_ports_are_left_for_the_next_shell()
    {
        await InstalledAsync();
        var envFile = Path.Combine(_directory, ".local.env");
        await File.WriteAllTextAsync(envFile, "AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:1\n"); // a stale one from a killed serve
        using var serve = CliProcess.Start(new Dictionary<string, string?>(), "local", "serve", "--env-file", envFile);
        await serve.WaitForErrorAsync(e => e.Contains("Ctrl-C stops it.", StringComparison.Ordinal), Patience);
        Assert.Contains("TOTALS_API_URL=", await File.ReadAllTextAsync(envFile), StringComparison.Ordinal);

        serve.Signal("INT");
        var code = await serve.WaitForExitAsync(Patience);

        Assert.True(code == 0, serve.Error);
        Assert.False(File.Exists(envFile), $"{envFile} is left behind with the ports of a world that is gone");
    }

    [Fact]
    public async Task Ctrl_C_while_generate_writes_its_events_keeps_the_earlier_file_and_stops_promptly()
    {
        var keep = Path.Combine(_directory, "keep.jsonl");
        await File.WriteAllTextAsync(keep, "an earlier run's events\n");
        using var generate = CliProcess.Start(new Dictionary<string, string?>(), "generate", "--rewards", "100000", "--out", keep);
        string[] Temporary() => Directory.GetFiles(_directory, ".keep.jsonl.*.tmp");
        await generate.WaitForErrorAsync(_ => Temporary().Length > 0, Patience); // the events are being written

        generate.Signal("INT");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        var code = await generate.WaitForExitAsync(Patience);
        var stopped = stopping.Elapsed;

        Assert.Equal((1, "error: cancelled\n"), (code, generate.Error));
        Assert.Equal("an earlier run's events\n", await File.ReadAllTextAsync(keep));
        Assert.Empty(Temporary());
        Assert.True(stopped < TimeSpan.FromSeconds(10), $"generate took {stopped.TotalSeconds:0.0} s to stop after SIGINT");
    }

    [Fact]
    public async Task A_second_world_on_a_data_directory_in_use_is_refused_naming_the_process_that_has_it()
    {
        var data = Path.Combine(_directory, "data");
        var envFile = Path.Combine(_directory, "first.env");
        using var stop = new CancellationTokenSource(Patience);
        var firstOutput = new StringWriter();
        var firstError = new StringWriter();
        var first = new CliApp(TextWriter.Synchronized(firstOutput), TextWriter.Synchronized(firstError), _ => null, TimeProvider.System)
            .RunAsync(["local", "serve", "--data", data, "--env-file", envFile], stop.Token);
        while (!File.Exists(envFile) && !first.IsCompleted)
        {
            await Task.Delay(100, stop.Token);
        }

        var serve = await CliRun.RunAsync(_ => null, "local", "serve", "--data", data);
        var demo = await CliRun.RunAsync(_ => null, "demo", "--rewards", "10", "--days", "1", "--data", data);

        await stop.CancelAsync();
        var firstCode = await first;
        Assert.True(firstCode == 0, $"the first world exited with {firstCode}:\n{firstOutput}\n{firstError}");
        var expected = $"error: the local emulators could not start: the data directory {data} is in use by process {Environment.ProcessId} (";
        Assert.Equal(1, serve.ExitCode);
        Assert.StartsWith(expected, serve.Error, StringComparison.Ordinal);
        Assert.Equal(1, demo.ExitCode);
        Assert.StartsWith(expected, demo.Error, StringComparison.Ordinal);
        Assert.Single(serve.ErrorLines);
    }

    [Fact]
    public async Task An_emulator_start_that_fails_leaves_no_temporary_directory()
    {
        await InstalledAsync();
        var temp = Directory.CreateDirectory(Path.Combine(_directory, "tmp")).FullName;

        // No node on PATH: the emulators cannot start, after the world has made its temporary directory.
        using var demo = CliProcess.Start(new Dictionary<string, string?> { ["PATH"] = "/nonexistent", ["TMPDIR"] = temp }, "demo", "--rewards", "10", "--days", "1");
        var code = await demo.WaitForExitAsync(Patience);

        Assert.True(code == 1, demo.Error);
        Assert.Contains("error: the local emulators could not start: node was not found on PATH", demo.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp, LocalAwsWorld.TemporaryDirectoryPrefix + "*"));
    }

    [Fact]
    public async Task Cancelling_the_CLI_during_the_first_npm_ci_stops_npm_ci_and_says_what_it_was_doing()
    {
        // A copy of the emulator package without node_modules, and an 'npm' that only waits: the first run's install.
        var packages = Directory.CreateDirectory(Path.Combine(_directory, "local-aws")).FullName;
        File.Copy(RepositoryRoot.Combine("tools", "local-aws", "package.json"), Path.Combine(packages, "package.json"));
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        var npmPid = Path.Combine(_directory, "npm.pid");
        var npm = Path.Combine(bin, "npm");
        await File.WriteAllTextAsync(npm, $"#!/bin/sh\necho $$ > '{npmPid}'\nexec sleep 600\n");
        Assert.False(OperatingSystem.IsWindows(), "signals and a shell-script npm need a Unix");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(npm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (var signal in new[] { "INT", "TERM" })
        {
            File.Delete(npmPid);
            using var serve = CliProcess.Start(
                new Dictionary<string, string?>
                {
                    ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
                    [EmulatorPackages.DirectoryVariable] = packages,
                },
                "local", "serve");
            await serve.WaitForErrorAsync(_ => File.Exists(npmPid) && File.ReadAllText(npmPid).EndsWith('\n'), Patience);
            var pid = int.Parse(File.ReadAllText(npmPid).Trim(), System.Globalization.CultureInfo.InvariantCulture);

            serve.Signal(signal);
            var code = await serve.WaitForExitAsync(Patience);

            Assert.Equal(1, code);
            Assert.Equal(
                $"installing the local emulators (npm ci in {packages}, first run only; a minute or two) …\nerror: cancelled\n", serve.Error);
            Assert.False(CliProcess.IsRunning(pid), $"npm ci ({pid}) still runs after SIG{signal}");
        }
    }

    [Fact]
    public async Task After_kill_9_of_a_demo_on_a_data_directory_its_emulators_die_too_and_a_rerun_works()
    {
        await InstalledAsync();
        var data = Path.Combine(_directory, "data");
        var owner = Path.Combine(data, ".reward-analytics.owner");
        using var demo = CliProcess.Start(new Dictionary<string, string?>(), "demo", "--data", data);
        var pids = Array.Empty<int>();
        await demo.WaitForErrorAsync(_ => (pids = EmulatorPids(owner)).Length == 2, Patience);
        Assert.All(pids, pid => Assert.True(CliProcess.IsRunning(pid), $"emulator {pid} is not running"));

        demo.Signal("KILL");
        await demo.WaitForExitAsync(Patience);
        var gone = System.Diagnostics.Stopwatch.StartNew();
        while (pids.Any(CliProcess.IsRunning) && gone.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.All(pids, pid => Assert.False(CliProcess.IsRunning(pid), $"emulator {pid} outlived the demo killed with SIGKILL"));
        var rerun = await CliRun.RunAsync(_ => null, "demo", "--rewards", "10", "--days", "1", "--data", data);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
    }

    [Fact]
    public async Task Emulators_left_running_on_a_data_directory_are_named_with_their_pids_instead_of_a_refused_connection()
    {
        // What a killed holder's emulators look like if they did outlive it: the owner file names them, and they run on the directory.
        var data = Directory.CreateDirectory(Path.Combine(_directory, "data")).FullName;
        using var leftover = System.Diagnostics.Process.Start("node", ["-e", "setTimeout(() => {}, 600000)", Path.Combine(data, "dynamodb")])!;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(data, ".reward-analytics.owner"), $"999999\nreward-analytics demo --data {data}\nemulator dynalite {leftover.Id}\n");

            var demo = await CliRun.RunAsync(_ => null, "demo", "--rewards", "10", "--days", "1", "--data", data);

            Assert.Equal(1, demo.ExitCode);
            Assert.Equal(
                $"error: the local emulators could not start: the data directory {data} is still used by emulators that process 999999 " +
                $"(reward-analytics demo --data {data}) started and left running when it was killed: dynalite (pid {leftover.Id}); " +
                $"stop them (kill {leftover.Id}) and run again.",
                demo.ErrorLines.Single());
        }
        finally
        {
            leftover.Kill();
        }
    }

    private static int[] EmulatorPids(string ownerFile)
    {
        try
        {
            return File.ReadAllLines(ownerFile).Where(l => l.StartsWith("emulator ", StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static async Task InstalledAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await EmulatorPackages.EnsureInstalledAsync(EmulatorPackages.Locate(), null, timeout.Token);
    }

    [GeneratedRegex(@"\(pids (\d+), (\d+)\)")]
    private static partial Regex Pids();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
