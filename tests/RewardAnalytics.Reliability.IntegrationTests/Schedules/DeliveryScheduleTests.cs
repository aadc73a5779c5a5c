using System.Globalization;
using CsCheck;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>
/// Exactly-once and no-loss under generated delivery schedules, against the real aggregates table on dynalite:
/// after any schedule drains, every day's running totals equal the ground truth exactly, and the skipped records are
/// exactly the unreadable ones. <c>RELIABILITY_RUNS</c> sets how many schedules (default 1,000); <c>CsCheck_Seed</c>
/// replays a reported failure.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DeliveryScheduleTests(LocalAwsFixture fixture, ITestOutputHelper output)
{
    public const string RunsVariable = "RELIABILITY_RUNS";
    private const int DefaultRuns = 1_000;
    private const int PlantedBugRuns = 150;

    // Each of ~10,000 records, so a few: every run has them in both orders.
    private const int MaximumDepthRuns = 2;

    // Each schedule mostly waits on dynalite, so a few run at once even on two cores.
    private const int Threads = 4;

    [Fact]
    public async Task Every_generated_delivery_schedule_leaves_every_day_equal_to_the_ground_truth()
    {
        var runs = Runs();
        using var dynamo = fixture.World.CreateDynamoDb();
        var tally = new ScheduleTally();
        try
        {
            await ScheduleGen.Case.SampleAsync(async schedule =>
            {
                var outcome = await ScheduleRun.RunAsync(schedule, dynamo, plantedBug: null, CancellationToken.None);
                tally.Add(outcome);
                if (!outcome.Matches)
                {
                    throw new ScheduleMismatchException(outcome.Describe());
                }
            }, iter: runs, threads: Threads, print: schedule => schedule.ToString());
            foreach (var upperHalfFirst in new[] { true, false })
            {
                await ScheduleGen.MaximumDepthCase(upperHalfFirst).SampleAsync(async schedule =>
                {
                    var outcome = await ScheduleRun.RunAsync(schedule, dynamo, plantedBug: null, CancellationToken.None);
                    tally.Add(outcome);
                    if (!outcome.Matches)
                    {
                        throw new ScheduleMismatchException(outcome.Describe());
                    }
                }, iter: MaximumDepthRuns, threads: 1, print: schedule => $"{schedule.Steps.Length} writes, {schedule.Faults}");
            }
        }
        finally
        {
            Figures.Print(output, $"schedules={tally.Schedules} records={tally.Records} mismatches={tally.Mismatches}");
            Figures.Print(output, $"schedule_coverage {tally.CoverageLine}");
            Figures.Print(output, tally.OutOfOrderLine);
        }

        Assert.Equal(0, tally.Mismatches);
        Assert.True(tally.Schedules >= runs, $"{tally.Schedules} schedules ran; {runs} were asked for");
        Assert.All(tally.Coverage, kind => Assert.True(kind.Value > 0, $"no schedule exercised {kind.Key}"));
        Assert.Equal(AppliedHistory.MaxBisectionDepth, tally.DeepestBisection);
    }

    [Fact]
    public async Task A_planted_bug_that_counts_redeliveries_again_is_caught_and_shrunk_to_a_readable_scenario()
    {
        using var dynamo = fixture.World.CreateDynamoDb();
        var tally = new ScheduleTally();
        var replays = 0;

        var caught = await Assert.ThrowsAsync<CsCheckException>(() => ScheduleGen.Case.SampleAsync(async schedule =>
        {
            ReplayCountingAggregatesTable? planted = null;
            var outcome = await ScheduleRun.RunAsync(schedule, dynamo, table => planted = new ReplayCountingAggregatesTable(table), CancellationToken.None);
            tally.Add(outcome);
            Interlocked.Add(ref replays, planted?.Replays ?? 0);
            if (!outcome.Matches)
            {
                throw new ScheduleMismatchException(outcome.Describe());
            }
        }, iter: PlantedBugRuns, threads: Threads, print: schedule => schedule.ToString()));

        var mismatch = Assert.IsType<ScheduleMismatchException>(caught.InnerException);
        output.WriteLine(caught.Message);
        output.WriteLine(mismatch.Message);
        Figures.Print(output, $"planted_bug schedules={tally.Schedules} mismatches={tally.Mismatches} replays_counted_again={replays}");
        Assert.True(tally.Mismatches > 0, "the planted double count should make some schedule mismatch");
        // The shrunk counterexample reads as a scenario: the mapping, the faults, the writes, and what differed.
        Assert.Contains("mapping: batches of up to", caught.Message, StringComparison.Ordinal);
        Assert.Contains("faults: seed", caught.Message, StringComparison.Ordinal);
        Assert.Contains(" 1. +", caught.Message, StringComparison.Ordinal);
        Assert.Contains("running totals", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 0", mismatch.Message, StringComparison.Ordinal);
    }

    private static int Runs()
    {
        var text = Environment.GetEnvironmentVariable(RunsVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultRuns;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : throw new InvalidOperationException($"{RunsVariable} is '{text}': expected a positive whole number of schedules");
    }
}

/// <summary>A schedule ended with totals or skips that differ from the truth; the message says how, attempt by attempt.</summary>
public sealed class ScheduleMismatchException : Exception
{
    public ScheduleMismatchException(string message) : base(message) { }

    public ScheduleMismatchException() { }

    public ScheduleMismatchException(string message, Exception inner) : base(message, inner) { }
}
