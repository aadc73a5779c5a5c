using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>reconcile</c> (and <c>--fix</c>) against the local emulators.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class ReconcileCommandTests(LocalAwsFixture fixture) : FinalizerScenario(fixture)
{
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
    public async Task Reconcile_fix_is_refused_for_today()
    {
        var today = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", null);

        var result = await RunAsync("reconcile", "--from", "2023-11-14", "--to", today, "--fix");

        Assert.Equal(2, result.Code);
        Assert.Contains($"--fix is refused for {today}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_of_one_day_says_one_day_checked()
    {
        var result = await RunAsync("reconcile", "--from", Day, "--to", Day);

        Assert.Equal(0, result.Code);
        Assert.StartsWith("1 day checked, 0 differ ", result.Output, StringComparison.Ordinal);
    }
}
