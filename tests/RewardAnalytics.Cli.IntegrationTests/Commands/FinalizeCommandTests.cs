using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>finalize</c> end to end against the local emulators.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class FinalizeCommandTests(LocalAwsFixture fixture) : FinalizerScenario(fixture)
{
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
}
