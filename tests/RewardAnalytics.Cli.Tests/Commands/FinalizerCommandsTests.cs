using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.Tests.Commands;

/// <summary>
/// <c>finalize</c>, <c>report</c> and <c>reconcile</c> end to end, in process through <see cref="CliApp"/>, with the
/// local world's environment (a fresh rewards table, aggregates table and report prefix per test).
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class FinalizerCommandsTests : IDisposable
{
    private const string Day = "2023-11-15";
    private readonly CommandWorld _commands;
    private readonly LocalAwsWorld _world;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly Dictionary<string, string> _environment;

    public FinalizerCommandsTests(LocalAwsFixture fixture)
    {
        _commands = new CommandWorld(fixture.World);
        _world = fixture.World;
        _dynamo = _commands.Dynamo;
        _environment = _commands.Environment;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await _commands.RunAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

    /// <summary>Writes rewards to the rewards table; those <paramref name="streamed"/> also go through the real aggregator.</summary>
    private async Task PutRewardsAsync(bool streamed, params Dictionary<string, AttributeValue>[] items)
    {
        foreach (var item in items)
        {
            await _dynamo.PutItemAsync(new PutItemRequest { TableName = _environment["REWARDS_TABLE"], Item = item });
        }

        if (streamed)
        {
            var clock = new FakeTimeProvider(DateTimeOffset.Parse("2023-11-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
            var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = _environment["AGGREGATES_TABLE"] },
                new DynamoAggregatesWriter(_dynamo, _environment["AGGREGATES_TABLE"], clock), clock, TextWriter.Null);
            var seq = Random.Shared.Next(1, 1_000_000) * 100L;
            await aggregation.HandleAsync(Event(ShardA, items.Select((item, i) => Insert(seq + i, item)).ToArray()), default);
        }
    }

    private static Dictionary<string, AttributeValue>[] SeedExample() =>
    [
        .. Enumerable.Range(1, 15).Select(i => Item($"i{i}", "ISSUED", "100", "2023-11-15T10:00:00Z")),
        .. Enumerable.Range(1, 8).Select(i => Item($"r{i}", "REDEEMED", "93.75", "2023-11-15T11:00:00Z")),
    ];

    [Fact]
    public async Task Finalize_then_report_prints_the_stored_body_and_its_metadata()
    {
        await PutRewardsAsync(streamed: true, SeedExample());

        var finalize = await RunAsync("finalize", "--date", Day);
        var report = await RunAsync("report", "--date", Day);

        Assert.Equal(0, finalize.Code);
        Assert.Matches(@"2023-11-15\s+created\s+1\s+not-published-too-old\s+1500\.0\s+750\.0\s+750\.0\s+15\s+8", finalize.Output);
        Assert.Equal(0, report.Code);
        Assert.StartsWith($"s3://{_world.Options.Bucket}/{_environment["REPORT_PREFIX"]}2023-11-15.json\ncontent-type: application/json\n", report.Output, StringComparison.Ordinal);
        Assert.Contains("\nrevision: 1\n", report.Output, StringComparison.Ordinal);
        Assert.Contains("\nsource: stream-aggregates\n", report.Output, StringComparison.Ordinal);
        Assert.EndsWith(
            "\n\n{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": 1500.0,\n  \"total_redeemed\": 750.0,\n  \"net_rewards\": 750.0,\n" +
            "  \"issued_count\": 15,\n  \"redeemed_count\": 8\n}\n", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finalize_of_a_recent_day_records_its_metrics_as_not_published_and_says_what_publishes_them()
    {
        var yesterday = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).PlusDays(-1).ToString("yyyy-MM-dd", null);
        await PutRewardsAsync(streamed: true, Item("recent", "ISSUED", "42.5", yesterday + "T12:00:00Z"));

        var finalize = await RunAsync("finalize", "--date", yesterday);
        var json = await RunAsync("finalize", "--date", yesterday, "--json");

        Assert.Equal(0, finalize.Code);
        Assert.Matches(yesterday + @"\s+created\s+1\s+not-published-outside-lambda\s+42\.5", finalize.Output);
        Assert.Contains($"{yesterday}: metrics not published: this run is outside Lambda, where EMF lines reach no CloudWatch", finalize.Output, StringComparison.Ordinal);
        Assert.Contains($"aws lambda invoke --function-name \"$(pulumi stack output dailyFinalizerFunctionName)\" --cli-binary-format raw-in-base64-out --payload '{{\"date\":\"{yesterday}\"}}'", finalize.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"_aws\"", finalize.Error, StringComparison.Ordinal); // no EMF line pretends to publish
        using (var summary = JsonDocument.Parse(json.Output))
        {
            var day = Assert.Single(summary.RootElement.GetProperty("days").EnumerateArray());
            Assert.Equal(("unchanged", "not-published-outside-lambda"), (day.GetProperty("action").GetString(), day.GetProperty("metrics").GetString()));
        }

        Assert.Contains($"{yesterday}: metrics not published", json.Error, StringComparison.Ordinal);
        var final = (await _dynamo.GetItemAsync(_environment["AGGREGATES_TABLE"], AggregateItemCodec.Key("DAY#" + yesterday, "FINAL"))).Item;
        Assert.False(final["metricsPublished"].BOOL);
        Assert.False(final.ContainsKey("metricsNamespace"));
    }

    [Fact]
    public async Task Finalize_with_json_prints_the_function_response_and_a_rerun_is_unchanged()
    {
        await PutRewardsAsync(streamed: true, SeedExample());
        await RunAsync("finalize", "--date", Day);

        var rerun = await RunAsync("finalize", "--date", Day, "--json");

        Assert.Equal(0, rerun.Code);
        using var json = JsonDocument.Parse(rerun.Output);
        var day = Assert.Single(json.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal("unchanged", day.GetProperty("action").GetString());
        Assert.Equal(1, day.GetProperty("revision").GetInt32());
        Assert.Equal(1500.0m, day.GetProperty("total_issued").GetDecimal());
    }

    [Fact]
    public async Task Finalize_refuses_today_with_a_usage_error()
    {
        var today = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", null);

        var result = await RunAsync("finalize", "--date", today);

        Assert.Equal(2, result.Code);
        Assert.Equal($"error: --date {today} is today in UTC (today is {today}): only a day that has ended can be finalized\n", result.Error);
    }

    [Fact]
    public async Task Report_of_a_day_never_finalized_fails_and_says_so()
    {
        var result = await RunAsync("report", "--date", "2023-11-14");

        Assert.Equal(1, result.Code);
        Assert.Contains("the day has not been finalized", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_finds_a_planted_difference_and_fix_removes_it_so_the_next_finalize_revises()
    {
        await PutRewardsAsync(streamed: true, SeedExample());
        // Planted: a reward written before the stream existed (never aggregated) and one the stream would skip too.
        await PutRewardsAsync(streamed: false, Item("history", "ISSUED", "12.5", "2023-11-15T23:30:00Z"), Item("broken", "ISSUED", "-1", "2023-11-15T09:00:00Z"));
        Assert.Equal(0, (await RunAsync("finalize", "--date", Day)).Code);

        var found = await RunAsync("reconcile", "--from", "2023-11-14", "--to", "2023-11-16");
        Assert.Equal(1, found.Code);
        Assert.Matches(@"2023-11-15\s+total_issued\s+1512\.5\s+1500\.0\s+12\.5", found.Output);
        Assert.Matches(@"2023-11-15\s+issued_count\s+16\s+15\s+1\n", found.Output);
        Assert.DoesNotContain("total_redeemed", found.Output, StringComparison.Ordinal);
        Assert.Contains("3 days checked, 1 differs (25 items scanned, 1 not counted as unreadable)", found.Output, StringComparison.Ordinal);

        var fix = await RunAsync("reconcile", "--from", "2023-11-14", "--to", "2023-11-16", "--fix");
        Assert.Equal(0, fix.Code);
        Assert.Contains("fixed 2023-11-15: CORRECTION = issued 12.5 (1), redeemed 0.0 (0), net 12.5", fix.Output, StringComparison.Ordinal);

        var again = await RunAsync("reconcile", "--from", "2023-11-14", "--to", "2023-11-16", "--json");
        Assert.Equal(0, again.Code);
        using (var json = JsonDocument.Parse(again.Output))
        {
            Assert.True(json.RootElement.GetProperty("matches").GetBoolean());
        }

        // A second fix replaces the correction rather than adding to it.
        Assert.Equal(0, (await RunAsync("reconcile", "--from", "2023-11-15", "--to", "2023-11-15", "--fix")).Code);
        Assert.Equal(0, (await RunAsync("reconcile", "--from", "2023-11-15", "--to", "2023-11-15")).Code);

        var revision = await RunAsync("finalize", "--date", Day, "--json");
        using var summary = JsonDocument.Parse(revision.Output);
        var day = Assert.Single(summary.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal(("revised", 2, 1512.5m), (day.GetProperty("action").GetString(), day.GetProperty("revision").GetInt32(), day.GetProperty("total_issued").GetDecimal()));
        Assert.Contains("\nrevision: 2\n", (await RunAsync("report", "--date", Day)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_counts_ttl_expired_rewards_as_history_so_a_day_with_expiries_matches_and_fix_changes_nothing()
    {
        var kept = Item("kept", "ISSUED", "40", "2023-11-15T10:00:00Z");
        var expiring = Item("expiring", "REDEEMED", "15.25", "2023-11-15T11:00:00Z");
        await PutRewardsAsync(streamed: true, kept, expiring);
        // TTL deletes the item from the table; the stream carries a service-identity REMOVE, twice (a redelivery).
        await _dynamo.DeleteItemAsync(_environment["REWARDS_TABLE"], new Dictionary<string, AttributeValue> { ["rewardId"] = new() { S = "expiring" } });
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2023-11-20T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = _environment["AGGREGATES_TABLE"] },
            new DynamoAggregatesWriter(_dynamo, _environment["AGGREGATES_TABLE"], clock), clock, TextWriter.Null);
        var expiry = Event(ShardB, Remove(9_000_001, expiring, ttl: true));
        await aggregation.HandleAsync(expiry, default);
        await aggregation.HandleAsync(expiry, default);

        var totals = await RunAsync("totals", "--date", Day, "--json");
        Assert.Contains("\"total_redeemed\": 15.25", totals.Output, StringComparison.Ordinal);
        var check = await RunAsync("reconcile", "--from", Day, "--to", Day, "--json");
        Assert.Equal(0, check.Code);
        using (var json = JsonDocument.Parse(check.Output))
        {
            var day = Assert.Single(json.RootElement.GetProperty("days").EnumerateArray());
            Assert.Equal(0m, day.GetProperty("scan").GetProperty("total_redeemed").GetDecimal());
            Assert.Equal(15.25m, day.GetProperty("ttlExpired").GetProperty("total_redeemed").GetDecimal());
        }

        var fix = await RunAsync("reconcile", "--from", Day, "--to", Day, "--fix");
        Assert.Equal(0, fix.Code);
        Assert.DoesNotContain("fixed", fix.Output, StringComparison.Ordinal);
        Assert.Contains("\"total_redeemed\": 15.25", (await RunAsync("totals", "--date", Day, "--json")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_finalize_runs_the_entry_point_on_an_event_file_and_prints_its_summary()
    {
        await PutRewardsAsync(streamed: true, SeedExample());
        var eventFile = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, "{\"date\":\"" + Day + "\"}");
        var badFile = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(badFile, "{\"date\":\"2023-11-31\"}");
        try
        {
            var run = await RunAsync("invoke", "finalize", "--event", eventFile);

            Assert.Equal(0, run.Code);
            using var summary = JsonDocument.Parse(run.Output);
            var day = Assert.Single(summary.RootElement.GetProperty("days").EnumerateArray());
            Assert.Equal(("created", 1, 1500m), (day.GetProperty("action").GetString(), day.GetProperty("revision").GetInt32(), day.GetProperty("total_issued").GetDecimal()));

            var bad = await RunAsync("invoke", "finalize", "--event", badFile);
            Assert.Equal(2, bad.Code);
            Assert.StartsWith("error: --event '" + Path.GetFileName(badFile) + "' \"date\" is \"2023-11-31\": expected a calendar date", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(eventFile);
            File.Delete(badFile);
        }
    }

    [Fact]
    public async Task Reconcile_fix_is_refused_for_today()
    {
        var today = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", null);

        var result = await RunAsync("reconcile", "--from", "2023-11-14", "--to", today, "--fix");

        Assert.Equal(2, result.Code);
        Assert.Contains($"--fix is refused for {today}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finalize", "Example: reward-analytics finalize --date 2023-11-15 --json")]
    [InlineData("report", "Example: reward-analytics report --date 2023-11-15")]
    [InlineData("reconcile", "Example: reward-analytics reconcile --from 2023-11-01 --to 2023-11-15 --fix")]
    public async Task Each_command_has_help_with_an_example(string command, string example)
    {
        var result = await RunAsync(command, "--help");

        Assert.Equal(0, result.Code);
        Assert.Contains(example, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_from_a_bucket_that_does_not_exist_says_the_bucket_does_not_exist()
    {
        _environment["ANALYTICS_BUCKET"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..12];

        var result = await RunAsync("report", "--date", Day);

        Assert.Equal(
            (1, $"error: ANALYTICS_BUCKET is '{_environment["ANALYTICS_BUCKET"]}': the bucket does not exist (expected the bucket the finalizer writes the reports to)\n"),
            (result.Code, result.Error));
    }

    [Fact]
    public async Task Finalize_json_prints_the_committed_days_and_the_failed_one_when_one_day_fails()
    {
        await PutRewardsAsync(streamed: true, SeedExample());
        _environment["RECHECK_DAYS"] = "1";
        // 2023-11-14 holds an item no decimal can read: that day fails, 2023-11-15 is committed all the same.
        var unreadable = AggregateItemCodec.Key("DAY#2023-11-14", "SHARD#unreadable");
        unreadable["total_issued"] = new AttributeValue { N = "1E+40" };
        await _dynamo.PutItemAsync(new PutItemRequest { TableName = _environment["AGGREGATES_TABLE"], Item = unreadable });

        var json = await RunAsync("finalize", "--date", Day, "--json");
        var text = await RunAsync("finalize", "--date", Day);

        Assert.Equal(1, json.Code);
        using var summary = JsonDocument.Parse(json.Output);
        var days = summary.RootElement.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal(
            [("2023-11-14", "failed"), ("2023-11-15", "created")],
            days.Select(d => (d.GetProperty("date").GetString(), d.GetProperty("action").GetString())).ToArray());
        var error = json.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("error: not finalized: 2023-11-14 (", error, StringComparison.Ordinal);
        Assert.EndsWith("); the other days are committed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(1, text.Code);
        Assert.Contains("2023-11-14  failed", text.Output, StringComparison.Ordinal);
        Assert.Contains("2023-11-15  unchanged", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_of_one_day_says_one_day_checked()
    {
        var result = await RunAsync("reconcile", "--from", Day, "--to", Day);

        Assert.Equal(0, result.Code);
        Assert.StartsWith("1 day checked, 0 differ ", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _commands.Dispose();
}
