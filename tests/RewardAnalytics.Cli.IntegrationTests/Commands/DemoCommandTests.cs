using System.Text.Json;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Workload;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>reward-analytics demo</c> run in-process on its own local world: green when right, red when a bug is planted.</summary>
public sealed class DemoCommandTests(ITestOutputHelper output)
{
    private static readonly string[] SmallDemo = ["demo", "--rewards", "1500", "--days", "3", "--shards", "3", "--seed", "5", "--time-zone", "America/New_York", "--json"];

    [Fact]
    public async Task A_small_demo_with_faults_matches_every_check()
    {
        var (code, json, error) = await RunAsync(SmallDemo);

        var root = json.RootElement;
        var summary = root.GetProperty("summary");
        PrintFigures("demo_small", root);
        Assert.True(root.GetProperty("allMatched").GetBoolean(), $"demo reported a mismatch: {root}\n{error}");
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(summary.GetProperty("duplicatesAbsorbed").GetInt64() > 0, "the fault plan should have caused redeliveries");
        Assert.True(summary.GetProperty("retries").GetInt64() > 0);
        Assert.True(summary.GetProperty("poisonRecords").GetInt64() + summary.GetProperty("recordsSkipped").GetInt64() > 0);
        Assert.All(root.GetProperty("days").EnumerateArray(), day => Assert.True(day.GetProperty("matches").GetBoolean()));
        var checks = root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Contains("every finalizer run did what was expected", checks);
        Assert.Contains("revisions are where the late data went", checks);
        Assert.Contains(root.GetProperty("days").EnumerateArray(), day => day.GetProperty("revision").GetInt32() > 1);
        Assert.True(summary.GetProperty("finalizerRuns").GetInt32() == 6, "3 days on schedule and 3 again after the late writes");
    }

    [Fact]
    public async Task A_planted_double_count_of_redeliveries_makes_the_demo_report_a_mismatch_and_exit_1()
    {
        // The CLI has no way to plant a bug, so this drives the demo the command runs (the same options as SmallDemo) through
        // the Local API, and reads its result the way the command prints it (--json) and exits.
        ReplayCountingAggregatesTable? planted = null;
        var options = new DemoOptions
        {
            Workload = new WorkloadOptions { Rewards = 1500, Days = 3, Seed = 5, TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] },
            Shards = 3,
        };
        await using var world = await LocalAwsWorld.StartAsync(new LocalAwsOptions(), CancellationToken.None);
        var run = new DemoRun(world, options, (dynamo, table, clock) => planted = new ReplayCountingAggregatesTable(new DynamoAggregatesWriter(dynamo, table, clock)));
        var result = await run.RunAsync(CancellationToken.None);
        var code = DemoReport.ExitCode(result);
        using var json = JsonDocument.Parse(DemoReport.Json(result));

        var root = json.RootElement;
        var mismatched = root.GetProperty("days").EnumerateArray().Count(d => !d.GetProperty("matches").GetBoolean());
        Figures.Print(output, $"demo_planted_bug replays={planted?.Replays} mismatched_days={mismatched} exit_code={code}");
        Assert.True(planted!.Replays > 0, "the fault plan should have redelivered something for the bug to double count");
        Assert.False(root.GetProperty("allMatched").GetBoolean());
        Assert.True(mismatched > 0);
        Assert.Equal(ExitCodes.Failed, code);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("300")]
    public async Task A_small_demo_whose_deletions_lower_today_later_in_the_day_still_matches(string rewards)
    {
        // Deletions and type corrections lower a day's counts after a mid-day reading; the check is that each reading
        // equals the running totals of that moment, not that no reading exceeds the day's final count.
        var (code, json, error) = await RunAsync(["demo", "--rewards", rewards, "--json"]);

        var root = json.RootElement;
        var today = root.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString()!.StartsWith("the totals API's /today", StringComparison.Ordinal));
        Assert.True(today.GetProperty("passed").GetBoolean(), $"{today}\n{error}");
        Assert.True(root.GetProperty("allMatched").GetBoolean(), $"demo reported a mismatch: {root}\n{error}");
        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public async Task A_30_day_demo_expects_no_metrics_for_revisions_of_days_older_than_CloudWatch_accepts()
    {
        // The late writes revise days 3 to 4 weeks old: the finalizer rightly publishes no metrics for those revisions.
        var (code, json, error) = await RunAsync(["demo", "--days", "30", "--rewards", "600", "--no-faults", "--json"]);

        var root = json.RootElement;
        var metrics = root.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "CloudWatch would extract metrics equal to the reports");
        Assert.True(metrics.GetProperty("passed").GetBoolean(), $"{metrics}\n{error}");
        Assert.Contains("past CloudWatch's 14 days, which publish no metrics", metrics.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("allMatched").GetBoolean(), $"demo reported a mismatch: {root}\n{error}");
        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public async Task The_demo_shows_a_table_per_day_and_the_summary_line()
    {
        var stdout = new StringWriter();
        var code = await new CliApp(stdout, new StringWriter(), _ => null, TimeProvider.System)
            .RunAsync(["demo", "--rewards", "300", "--days", "2", "--no-faults"], CancellationToken.None);

        var text = stdout.ToString();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("2025-03-03", text, StringComparison.Ordinal);
        Assert.Contains("✔", text, StringComparison.Ordinal);
        Assert.Contains("DynamoDB writes per 1,000 records", text, StringComparison.Ordinal);
        Assert.Contains("All checks matched.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_progress_lines_come_in_the_order_the_stages_start_even_for_a_tiny_workload()
    {
        var stdout = new StringWriter();
        var code = await new CliApp(stdout, new StringWriter(), _ => null, TimeProvider.System)
            .RunAsync(["demo", "--rewards", "10", "--no-faults"], CancellationToken.None);

        var progress = stdout.ToString().Split('\n').Where(l => l.EndsWith(" …", StringComparison.Ordinal)).ToArray();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            ["starting dynalite + s3rver …", "writing 10 rewards …", "streaming to the aggregator …", "finalizing days …", "verifying against a full scan …"],
            progress);
    }

    private static async Task<(int Code, JsonDocument Json, string Error)> RunAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await new CliApp(stdout, stderr, _ => null, TimeProvider.System).RunAsync(args, CancellationToken.None);
        var text = stdout.ToString();
        Assert.True(text.TrimStart().StartsWith('{'), $"expected JSON on stdout, got: {text}\nstderr: {stderr}");
        return (code, JsonDocument.Parse(text), stderr.ToString());
    }

    private void PrintFigures(string name, JsonElement root)
    {
        var s = root.GetProperty("summary");
        Figures.Print(output,
            $"{name} records={s.GetProperty("recordsStreamed")} invocations={s.GetProperty("invocations")} retries={s.GetProperty("retries")} " +
            $"duplicates_absorbed={s.GetProperty("duplicatesAbsorbed")} poison={s.GetProperty("poisonRecords")} skipped={s.GetProperty("recordsSkipped")} " +
            $"writes_per_1000={s.GetProperty("dynamoDbWritesPer1000Records")} all_matched={root.GetProperty("allMatched")}");
    }
}
