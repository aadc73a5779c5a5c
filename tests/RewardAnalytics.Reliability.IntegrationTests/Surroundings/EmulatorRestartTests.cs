using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Workload;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Reliability.IntegrationTests.Surroundings;

/// <summary>
/// The demo on a world kept with <c>--data</c> while its emulators die and come back (killed by process id,
/// restarted on the same ports and data directory), or while the demo itself is killed and run again: it resumes and
/// verifies green, or it fails loudly; it never reports green with totals that differ from an independent truth.
/// In this collection so it does not compete with the schedules for the two cores.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class EmulatorRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("reward-analytics-restart-");

    private static DemoOptions Small(long seed) => new()
    {
        Workload = new WorkloadOptions { Rewards = 1_500, Days = 3, Seed = seed, TimeZone = NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"] },
        Shards = 3,
    };

    [Fact]
    public async Task Emulators_restarted_on_their_data_between_two_steps_of_a_demo_let_it_resume_and_verify_green()
    {
        await using var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions { DataDirectory = _data.FullName });
        var pidsBefore = world.ProcessIds.ToArray();
        var restarted = 0;
        var run = new DemoRun(world, Small(seed: 11), progress =>
        {
            // The first scheduled finalization is done and day 2 is next: both emulators die here and come back.
            if (progress.Stage == DemoStage.Finalizing && Interlocked.Exchange(ref restarted, 1) == 0)
            {
                world.RestartEmulatorsAsync(TimeSpan.FromMilliseconds(300)).GetAwaiter().GetResult();
            }
        });

        var result = await run.RunAsync(CancellationToken.None);

        Assert.Equal(1, restarted);
        Assert.Empty(pidsBefore.Intersect(world.ProcessIds));
        var failed = result.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToArray();
        Assert.True(result.AllMatched, $"expected the demo to resume green after the restart: {string.Join(" | ", failed)}");
        Assert.Empty(await IndependentTruth.DifferencesAsync(result));
        Figures.Print(output, $"emulator_restart between_steps=green days={result.Days.Count} records={result.Figures.RecordsStreamed}");
    }

    [Fact]
    public async Task Emulators_killed_while_the_demo_is_streaming_give_a_green_run_with_right_totals_or_a_loud_failure()
    {
        await using var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions { DataDirectory = _data.FullName });
        Task? restart = null;
        var finalized = 0;
        var restarting = 0;
        var run = new DemoRun(world, Small(seed: 12), progress =>
        {
            if (progress.Stage == DemoStage.Finalizing)
            {
                Interlocked.Exchange(ref finalized, 1);
            }
            else if (progress.Stage == DemoStage.Streaming && Volatile.Read(ref finalized) == 1 && Interlocked.Exchange(ref restarting, 1) == 0)
            {
                // Day 2's batches are in flight on several shards (this callback runs on each): the emulators die under
                // them, once, and stay down for a second.
                restart = Task.Run(() => world.RestartEmulatorsAsync(TimeSpan.FromSeconds(1)));
            }
        });

        DemoResult? result = null;
        Exception? failure = null;
        try
        {
            result = await run.RunAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        Assert.NotNull(restart);
        await restart;
        string outcome;
        if (failure is not null)
        {
            outcome = $"failed_loudly ({failure.GetType().Name}: {failure.Message.Split('\n')[0]})";
        }
        else if (result!.AllMatched)
        {
            // Green is only allowed with totals that an independent replay of the workload confirms.
            Assert.Empty(await IndependentTruth.DifferencesAsync(result));
            outcome = "resumed_green";
        }
        else
        {
            var red = result.Days.Where(d => !d.Matches).Select(d => Core.IsoDate.Format(d.Date)).Concat(result.Checks.Where(c => !c.Passed).Select(c => c.Name)).ToArray();
            Assert.NotEmpty(red);
            outcome = $"reported_red ({string.Join(", ", red)})";
        }

        output.WriteLine(outcome);
        Figures.Print(output, $"emulator_restart mid_stream={outcome.Split(' ')[0]}");
    }

    [Fact]
    public async Task Emulators_restarted_without_data_lose_the_tables_and_the_demo_fails_loudly_instead_of_reporting_green()
    {
        await using var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions()); // in memory: a restart loses everything
        var restarted = 0;
        var run = new DemoRun(world, Small(seed: 14), progress =>
        {
            if (progress.Stage == DemoStage.Finalizing && Interlocked.Exchange(ref restarted, 1) == 0)
            {
                world.RestartEmulatorsAsync(TimeSpan.FromMilliseconds(300)).GetAwaiter().GetResult();
            }
        });

        var failure = await Record.ExceptionAsync(async () =>
        {
            var result = await run.RunAsync(CancellationToken.None);
            Assert.False(result.AllMatched, "the run lost day 1's data with the emulator and still reported green");
        });

        Assert.Equal(1, restarted);
        output.WriteLine(failure?.Message ?? "reported red");
        Assert.True(failure is not Xunit.Sdk.XunitException, failure?.Message);
        Figures.Print(output, $"emulator_restart without_data={(failure is null ? "reported_red" : "failed_loudly")}");
    }

    [Fact]
    public async Task A_demo_killed_mid_run_and_run_again_on_the_same_data_starts_clean_and_verifies_green()
    {
        using var kill = new CancellationTokenSource();
        await using (var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions { DataDirectory = _data.FullName }))
        {
            var killed = new DemoRun(world, Small(seed: 13), progress =>
            {
                if (progress.Stage == DemoStage.Finalizing)
                {
                    kill.Cancel(); // the demo dies after day 1: totals, reports and FINAL items of a half run stay in --data
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed.RunAsync(kill.Token));
        }

        await using var again = await LocalAwsWorld.StartAsync(new LocalAwsOptions { DataDirectory = _data.FullName });
        var result = await new DemoRun(again, Small(seed: 13)).RunAsync(CancellationToken.None);

        Assert.True(result.AllMatched, string.Join(" | ", result.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Empty(await IndependentTruth.DifferencesAsync(result));
        Figures.Print(output, "emulator_restart demo_killed_and_rerun=green");
    }

    public void Dispose()
    {
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
