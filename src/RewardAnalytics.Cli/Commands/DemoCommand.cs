using System.CommandLine;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Emulators;
using Spectre.Console;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>demo</c>: the whole service end to end on a local world, verified against a full scan.</summary>
internal static class DemoCommand
{
    /// <summary>The <c>demo</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var workload = new WorkloadCommandOptions();
        var noFaults = new Option<bool>("--no-faults") { Description = "Deliver the stream without injected faults (duplicates, crashes, throttling, poison records)." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON document instead of progress and tables." };
        var data = new Option<DirectoryInfo>("--data") { Description = "Keep the emulators' data in this directory (the demo starts from empty tables).", HelpName = "DIR" };
        var soak = new Option<double?>("--soak")
        {
            Description = "Keep going for this many minutes: run the demo round after round (a new seed, new writes and new faults each round), " +
                "verify each round against a full scan and print the running mismatch count, which must stay 0.",
            HelpName = "MINUTES",
        };
        var command = new Command("demo",
            "Run the whole service end to end without an AWS account: start dynalite and s3rver, write a realistic workload to the rewards table " +
            "day by day (issues, redemptions, amount and type corrections, deletions, TTL expiries, late writes for finalized days, a few " +
            "malformed items), deliver its stream to the aggregator's real entry point with injected faults, run the daily finalizer as its " +
            "schedule would and again after the late writes, then verify every day's running totals and S3 report against a full scan of the " +
            "rewards table. Exit code 0 only if every check matched.\n" +
            "Example: reward-analytics demo --rewards 5000 --days 3 --time-zone America/New_York --seed 7 (or --soak 30 for half an hour of rounds)")
        {
            noFaults,
            json,
            data,
            soak,
        };
        workload.AddTo(command);
        app.Standalone(command);
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var options = new DemoOptions
            {
                Workload = workload.Read(parse),
                Shards = workload.Shards(parse),
                Faults = !parse.GetValue(noFaults),
            };
            var worldOptions = new LocalAwsOptions { Progress = context.Error.WriteLine, DataDirectory = CliInput.DirectoryPath(parse.GetValue(data), "--data")?.FullName };
            if (parse.GetValue(soak) is { } minutes)
            {
                if (parse.GetValue(json))
                {
                    throw new UsageException("--soak and --json together: a soak prints a line per round as it goes; expected one of them");
                }

                if (!(minutes > 0 && minutes <= MaxSoakMinutes))
                {
                    throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"--soak is {minutes}: expected a number of minutes above 0 and at most {MaxSoakMinutes}"));
                }

                var summary = await RunSoakAsync(worldOptions, options, TimeSpan.FromMinutes(minutes), context.Output, ct).ConfigureAwait(false);
                return DemoReport.ExitCode(summary);
            }

            var asJson = parse.GetValue(json);
            var console = DemoReport.Console(context.Output);
            var result = asJson || !console.Profile.Capabilities.Interactive
                ? await RunPlainAsync(worldOptions, options, asJson ? null : context.Output, ct).ConfigureAwait(false)
                : await RunWithProgressAsync(console, worldOptions, options, ct).ConfigureAwait(false);
            if (asJson)
            {
                await context.Output.WriteLineAsync(DemoReport.Json(result)).ConfigureAwait(false);
            }
            else
            {
                DemoReport.Render(console, result);
            }

            return DemoReport.ExitCode(result);
        }, ct));
        return command;
    }

    private const double MaxSoakMinutes = 7 * 24 * 60;

    private static async Task<SoakSummary> RunSoakAsync(LocalAwsOptions worldOptions, DemoOptions options, TimeSpan duration, TextWriter output, CancellationToken ct)
    {
        await using var world = await LocalAwsWorld.StartAsync(worldOptions, ct).ConfigureAwait(false);
        await output.WriteLineAsync(DemoReport.SoakStarting(options, duration)).ConfigureAwait(false);
        var soak = new DemoSoak(world, options, duration);
        soak.RoundDone += round => DemoReport.WriteSoakRound(output, round);
        var summary = await soak.RunAsync(ct).ConfigureAwait(false);
        await output.WriteLineAsync(DemoReport.SoakDone(summary)).ConfigureAwait(false);
        return summary;
    }

    private static async Task<DemoResult> RunPlainAsync(LocalAwsOptions worldOptions, DemoOptions options, TextWriter? progress, CancellationToken ct)
    {
        // The stages interleave day by day (write, stream, finalize, next day); a plain log names each once.
        var started = new HashSet<DemoStage>();
        await using var world = await LocalAwsWorld.StartAsync(worldOptions, ct).ConfigureAwait(false);
        var run = new DemoRun(world, options, p =>
        {
            if (progress is not null && started.Add(p.Stage))
            {
                progress.WriteLine($"{DemoReport.Describe(p.Stage, options)} …");
            }
        });
        return await run.RunAsync(ct).ConfigureAwait(false);
    }

    private static async Task<DemoResult> RunWithProgressAsync(IAnsiConsole console, LocalAwsOptions worldOptions, DemoOptions options, CancellationToken ct)
    {
        DemoResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = Enum.GetValues<DemoStage>().ToDictionary(s => s, s => progress.AddTask(DemoReport.Describe(s, options), autoStart: false, maxValue: 1));
                tasks[DemoStage.Starting].StartTask();
                await using var world = await LocalAwsWorld.StartAsync(worldOptions, ct).ConfigureAwait(false);
                var run = new DemoRun(world, options, p =>
                {
                    var task = tasks[p.Stage];
                    if (p.Stage != DemoStage.Starting)
                    {
                        tasks[DemoStage.Starting].Value = 1;
                    }

                    if (!task.IsStarted)
                    {
                        task.StartTask();
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = Math.Min(p.Done, task.MaxValue);
                });
                result = await run.RunAsync(ct).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            }).ConfigureAwait(false);
        return result!;
    }
}
