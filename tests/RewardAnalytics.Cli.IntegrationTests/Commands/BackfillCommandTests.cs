using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>backfill</c> over the cutover's history (with the <c>parity</c> check an operator runs after it).</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class BackfillCommandTests(LocalAwsFixture fixture, ITestOutputHelper output) : CutoverScenario(fixture, output)
{
    [Fact]
    public async Task Backfill_makes_history_and_the_partly_streamed_day_exact_and_parity_names_the_one_differing_field()
    {
        await SeedHistoryAsync();
        await PutOldJobReportsAsync();
        Assert.Equal(1, (await RunAsync("reconcile", "--from", FirstDay, "--to", StreamEnabledDay)).ExitCode);

        var backfill = await RunAsync("backfill", "--from", FirstDay, "--to", StreamEnabledDay);

        Assert.True(backfill.ExitCode == 0, backfill.Error);
        Assert.Matches(@"2023-11-10\s+563\.75\s+16\.5\s+547\.25\s+10\s+5\s+corrected, report created r1\n", backfill.Output);
        Assert.Matches(@"2023-11-13\s+932\.75\s+19\.8\s+912\.95\s+13\s+6\s+corrected, report created r1\n", backfill.Output);
        // 14 morning rewards (1076.25, 7 x 3.3) plus the streamed afternoon (100, 0.7): the correction covers the morning.
        Assert.Matches(@"2023-11-14\s+1176\.25\s+23\.8\s+1152\.45\s+15\s+8\s+corrected, report revised r2\n", backfill.Output);
        Assert.EndsWith("5 days backfilled from one scan (92 items scanned): 5 corrected, 5 reports written\n", backfill.Output, StringComparison.Ordinal);

        // The running totals now equal a full scan, and the report of the partly streamed day is the whole day.
        Assert.Equal(0, (await RunAsync("reconcile", "--from", FirstDay, "--to", StreamEnabledDay)).ExitCode);
        Assert.Contains("\"total_issued\": 1176.25", (await RunAsync("totals", "--date", StreamEnabledDay, "--json")).Output, StringComparison.Ordinal);
        Assert.EndsWith(
            "\n\n{\n  \"date\": \"2023-11-14\",\n  \"total_issued\": 1176.25,\n  \"total_redeemed\": 23.8,\n  \"net_rewards\": 1152.45,\n" +
            "  \"issued_count\": 15,\n  \"redeemed_count\": 8\n}\n", (await RunAsync("report", "--date", StreamEnabledDay)).Output, StringComparison.Ordinal);

        var parity = await RunAsync("parity", "--from", "2023-11-11", "--to", "2023-11-13", "--baseline-prefix", _oldPrefix);
        Assert.Equal(1, parity.ExitCode);
        var differing = parity.Output.Split('\n').Where(l => l.StartsWith("2023-", StringComparison.Ordinal)).ToArray();
        Assert.Matches(@"^2023-11-12\s+differs\s+issued_count\s+13\s+12\s*$", Assert.Single(differing));
        Assert.Contains("3 days compared, baseline s3://", parity.Output, StringComparison.Ordinal);
        Assert.EndsWith(": 2 match, 1 differ, 0 missing a report\n", parity.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("parity", "--from", "2023-11-11", "--to", "2023-11-11", "--baseline-prefix", _oldPrefix)).ExitCode);
        var otherLayout = await RunAsync("parity", "--from", "2023-11-13", "--to", "2023-11-13", "--baseline-prefix", _oldPrefix,
            "--candidate-prefix", _environment["REPORT_PREFIX"]);
        Assert.Equal(0, otherLayout.ExitCode);
        Assert.EndsWith(": every day matches\n", otherLayout.Output, StringComparison.Ordinal);

        // A second backfill finds everything in place and says so.
        var again = await RunAsync("backfill", "--from", FirstDay, "--to", StreamEnabledDay, "--json");
        Assert.Equal(0, again.ExitCode);
        using var json = JsonDocument.Parse(again.Output);
        Assert.False(json.RootElement.GetProperty("changed").GetBoolean());
        Assert.All(json.RootElement.GetProperty("days").EnumerateArray(), d => Assert.Equal("unchanged", d.GetProperty("action").GetString()));
        Assert.Contains("nothing changed", (await RunAsync("backfill", "--from", FirstDay, "--to", StreamEnabledDay)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_of_a_month_reads_the_table_once_and_prints_its_figures()
    {
        const int Rewards = 3_000;
        var expected = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var chunk in Enumerable.Range(0, Rewards).Chunk(25))
        {
            var writes = chunk.Select(i =>
            {
                var day = $"2023-10-{1 + (i % 30):00}";
                var amount = 1m + (i % 97) / 4m;
                expected[day] = expected.GetValueOrDefault(day) + amount;
                return new WriteRequest(new PutRequest(Item($"m{i}", "ISSUED", amount.ToString(CultureInfo.InvariantCulture), $"{day}T{i % 24:00}:00:00Z")));
            }).ToList();
            var batch = new BatchWriteItemRequest { RequestItems = new() { [_environment["REWARDS_TABLE"]] = writes } };
            while (batch.RequestItems.Count > 0)
            {
                var response = await _dynamo.BatchWriteItemAsync(batch);
                batch.RequestItems = response.UnprocessedItems ?? [];
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await RunAsync("backfill", "--from", "2023-10-01", "--to", "2023-10-30", "--json");
        var firstMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var second = await RunAsync("backfill", "--from", "2023-10-01", "--to", "2023-10-30", "--json");
        var secondMs = clock.ElapsedMilliseconds;

        Assert.True(first.ExitCode == 0, first.Error);
        using var json = JsonDocument.Parse(first.Output);
        // One scan for the whole month: every item read once, not once per day.
        Assert.Equal(Rewards, json.RootElement.GetProperty("itemsScanned").GetInt32());
        Assert.All(json.RootElement.GetProperty("days").EnumerateArray(), d =>
            Assert.Equal(expected[d.GetProperty("date").GetString()!], d.GetProperty("total_issued").GetDecimal()));
        using var rerun = JsonDocument.Parse(second.Output);
        Assert.False(rerun.RootElement.GetProperty("changed").GetBoolean());
        Figures.Print(_output, $"backfill days=30 rewards={Rewards} first_ms={firstMs} rerun_unchanged_ms={secondMs} (dynalite + s3rver, 4 segments)");
    }

    [Fact]
    public async Task Backfill_is_refused_for_today_and_parity_for_one_prefix_against_itself()
    {
        var today = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", null);
        var yesterday = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).PlusDays(-1).ToString("yyyy-MM-dd", null);

        var backfill = await RunAsync("backfill", "--from", "2023-11-10", "--to", today);
        var parity = await RunAsync("parity", "--from", "2023-11-10", "--to", "2023-11-11", "--baseline-prefix", _environment["REPORT_PREFIX"]);

        Assert.Equal(2, backfill.ExitCode);
        Assert.Equal(
            $"error: --to is {today}: today in UTC is {today}, and a day that has not ended is still being written by the stream; backfill up to {yesterday}\n",
            backfill.Error);
        Assert.Equal(2, parity.ExitCode);
        Assert.StartsWith($"error: --baseline-prefix and the candidate prefix are both '{_environment["REPORT_PREFIX"]}'", parity.Error, StringComparison.Ordinal);
    }

    /// <summary>Operators read these summaries (and docs/cutover.md quotes them): one day is "1 day", as reconcile says it.</summary>
    [Fact]
    public async Task The_summaries_of_backfill_parity_and_reconcile_say_one_day_in_the_singular()
    {
        await PutAsync(Item("one", "ISSUED", "12.5", "2023-11-12T09:00:00Z"));
        await PutOldReportAsync("2023-11-12",
            "{\"date\": \"2023-11-12\", \"total_issued\": 12.5, \"total_redeemed\": 0, \"net_rewards\": 12.5, \"issued_count\": 1, \"redeemed_count\": 0}");

        var backfill = await RunAsync("backfill", "--from", "2023-11-12", "--to", "2023-11-12");
        var parity = await RunAsync("parity", "--from", "2023-11-12", "--to", "2023-11-12", "--baseline-prefix", _oldPrefix);
        var reconcile = await RunAsync("reconcile", "--from", "2023-11-12", "--to", "2023-11-12");

        Assert.True(backfill.ExitCode == 0, backfill.Error);
        Assert.EndsWith("\n1 day backfilled from one scan (1 item scanned): 1 corrected, 1 report written\n", backfill.Output, StringComparison.Ordinal);
        Assert.Equal(0, parity.ExitCode);
        Assert.StartsWith("1 day compared, baseline s3://", parity.Output, StringComparison.Ordinal);
        Assert.EndsWith(": every day matches\n", parity.Output, StringComparison.Ordinal);
        Assert.Equal(0, reconcile.ExitCode);
        Assert.StartsWith("1 day checked, 0 differ (1 item scanned, ", reconcile.Output, StringComparison.Ordinal);
    }
}
