using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Themes;

/// <summary>
/// Input no rule of this service can have produced, end to end through <see cref="CliApp"/> against the emulators:
/// a day whose stored sum is beyond the amount bounds is an error for that day alone (one line, non-zero exit, never an
/// OverflowException), and an event from a stream of the wrong view type fails the invocation with one line.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class UnreadableInputTests : IDisposable
{
    private const string BadDay = "2023-11-14";
    private const string GoodDay = "2023-11-15";
    private readonly CommandWorld _commands;
    private readonly LocalAwsWorld _world;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly Dictionary<string, string> _environment;

    public UnreadableInputTests(LocalAwsFixture fixture)
    {
        _world = fixture.World;
        _commands = new CommandWorld(_world, recheckDays: 1);
        _dynamo = _commands.Dynamo;
        _environment = _commands.Environment;
    }

    private Task<CliRun> RunAsync(params string[] args) => _commands.RunAsync(args);

    /// <summary>
    /// A shard item on <see cref="BadDay"/> holding a sum of 38 digits (DynamoDB stores it; a decimal cannot), as a
    /// writer without the amount bounds could have left it, and an ordinary shard item on <see cref="GoodDay"/>.
    /// </summary>
    private async Task PlantAsync()
    {
        await PutShardItemAsync(BadDay, new string('9', 38));
        await PutShardItemAsync(GoodDay, "12.5");
    }

    private Task<PutItemResponse> PutShardItemAsync(string day, string issued) => _dynamo.PutItemAsync(new PutItemRequest
    {
        TableName = _environment["AGGREGATES_TABLE"],
        Item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "DAY#" + day },
            ["sk"] = new() { S = "SHARD#legacy" },
            ["total_issued"] = new() { N = issued },
            ["total_redeemed"] = new() { N = "0" },
            ["issued_count"] = new() { N = "1" },
            ["redeemed_count"] = new() { N = "0" },
        },
    });

    private static string Expected(string item, string value) =>
        $"the items of {BadDay} cannot be read: item DAY#{BadDay} / SHARD#legacy has {item} = {value}: expected a sum below 10^22 in magnitude with at most 6 decimal places; " +
        $"a rerun does not repair this: delete or repair the item by hand, then run reward-analytics reconcile --from {BadDay} --to {BadDay} --fix";

    [Fact]
    public async Task Totals_of_a_day_with_a_sum_beyond_the_bounds_fail_with_one_line_and_the_next_day_still_reads()
    {
        await PlantAsync();

        var bad = await RunAsync("totals", "--date", BadDay);
        var good = await RunAsync("totals", "--date", GoodDay, "--json");

        Assert.Equal((1, "", $"error: {Expected("total_issued", new string('9', 38))}\n"), (bad.ExitCode, bad.Output, bad.Error));
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("\"total_issued\": 12.5", good.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_of_a_range_with_an_unreadable_day_print_the_other_days_and_mark_that_one_with_its_reason()
    {
        await PlantAsync();

        var text = await RunAsync("totals", "--from", BadDay, "--to", GoodDay);
        var json = await RunAsync("totals", "--from", BadDay, "--to", GoodDay, "--json");

        var reason = Expected("total_issued", new string('9', 38));
        Assert.Equal((1, $"error: {reason}\n"), (text.ExitCode, text.Error));
        var lines = text.Output.Split('\n');
        Assert.Contains(lines, line => line.StartsWith(BadDay, StringComparison.Ordinal) && line.Contains("unreadable", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(GoodDay, StringComparison.Ordinal) && line.Contains("12.5", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("sum (1 unreadable day left out)", StringComparison.Ordinal) && line.Contains("12.5", StringComparison.Ordinal));
        Assert.Equal((1, $"error: {reason}\n"), (json.ExitCode, json.Error));
        using var document = JsonDocument.Parse(json.Output);
        var days = document.RootElement.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal(reason, days[0].GetProperty("unreadable").GetString());
        Assert.Equal(12.5m, days[1].GetProperty("total_issued").GetDecimal());
        Assert.Equal(12.5m, document.RootElement.GetProperty("sum").GetProperty("total_issued").GetDecimal());
        Assert.Equal(1, document.RootElement.GetProperty("unreadable_days").GetInt32());
    }

    [Fact]
    public async Task Reconcile_over_a_range_with_an_unreadable_day_reports_that_day_and_compares_the_others()
    {
        await PlantAsync();
        await _dynamo.PutItemAsync(_environment["REWARDS_TABLE"], new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = "r1" },
            ["type"] = new() { S = "ISSUED" },
            ["amount"] = new() { N = "12.5" },
            ["createdAt"] = new() { S = GoodDay + "T10:00:00Z" },
        });

        var text = await RunAsync("reconcile", "--from", BadDay, "--to", GoodDay, "--fix");
        var json = await RunAsync("reconcile", "--from", BadDay, "--to", GoodDay, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal($"error: {Expected("total_issued", new string('9', 38))}\n", text.Error);
        Assert.DoesNotContain("error:", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed", text.Output, StringComparison.Ordinal);
        Assert.EndsWith("2 days checked, 0 differ (1 item scanned, 0 not counted as unreadable), 1 unreadable: every other day matches\n", text.Output, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var days = document.RootElement.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal((false, Expected("total_issued", new string('9', 38))), (days[0].GetProperty("matches").GetBoolean(), days[0].GetProperty("error").GetString()));
        Assert.True(days[1].GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task Finalize_commits_the_readable_day_and_reports_the_unreadable_one_without_promising_that_a_rerun_repairs_it()
    {
        await PlantAsync();

        var finalize = await RunAsync("finalize", "--date", GoodDay);
        var report = await RunAsync("report", "--date", GoodDay);

        Assert.Equal(1, finalize.ExitCode);
        var error = Assert.Single(finalize.ErrorLines, line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Equal($"error: not finalized: {BadDay} ({Expected("total_issued", new string('9', 38))}); the other days are committed", error);
        var logged = Assert.Single(finalize.ErrorLines, line => line.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal));
        Assert.Contains("a rerun does not repair that", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("a rerun repairs it", finalize.Error, StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("\"total_issued\": 12.5", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_counts_a_reward_with_an_attribute_nested_as_deep_as_DynamoDB_allows()
    {
        var deep = new AttributeValue { S = "leaf" };
        for (var level = 0; level < 32; level++)
        {
            deep = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["level"] = deep } };
        }

        await _dynamo.PutItemAsync(_environment["REWARDS_TABLE"], new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = "deep" },
            ["type"] = new() { S = "ISSUED" },
            ["amount"] = new() { N = "12.5" },
            ["createdAt"] = new() { S = GoodDay + "T10:00:00Z" },
            ["history"] = deep,
        });
        await PutShardItemAsync(GoodDay, "12.5");

        var reconcile = await RunAsync("reconcile", "--from", GoodDay, "--to", GoodDay, "--json");

        Assert.Equal((0, string.Empty), (reconcile.ExitCode, reconcile.Error));
        using var document = JsonDocument.Parse(reconcile.Output);
        Assert.Equal((1, 0), (document.RootElement.GetProperty("itemsScanned").GetInt32(), document.RootElement.GetProperty("itemsUnreadable").GetInt32()));
    }

    [Theory]
    [InlineData("KEYS_ONLY")]
    [InlineData("NEW_IMAGE")]
    [InlineData("OLD_IMAGE")]
    public async Task Invoke_aggregate_on_an_event_from_a_stream_of_the_wrong_view_type_exits_non_zero_with_one_line(string viewType)
    {
        var file = Path.Combine(Path.GetTempPath(), $"view-type-{Guid.NewGuid():N}.json");
        var json = await File.ReadAllTextAsync(CliRun.Fixture("tumbling-window-event.json"));
        var images = viewType switch
        {
            "KEYS_ONLY" => json.Replace("\"NewImage\"", "\"Dropped\"", StringComparison.Ordinal).Replace("\"OldImage\"", "\"DroppedOld\"", StringComparison.Ordinal),
            "NEW_IMAGE" => json.Replace("\"OldImage\"", "\"DroppedOld\"", StringComparison.Ordinal),
            _ => json.Replace("\"NewImage\"", "\"Dropped\"", StringComparison.Ordinal),
        };
        await File.WriteAllTextAsync(file, images.Replace("\"NEW_AND_OLD_IMAGES\"", $"\"{viewType}\"", StringComparison.Ordinal));
        try
        {
            var invoke = await RunAsync("invoke", "aggregate", "--event", file);
            var totals = await RunAsync("totals", "--date", GoodDay, "--json");

            Assert.Equal((2, ""), (invoke.ExitCode, invoke.Output));
            var line = Assert.Single(invoke.ErrorLines);
            Assert.StartsWith("error: the event was refused: Records[", line, StringComparison.Ordinal);
            Assert.EndsWith(
                $"its stream's StreamViewType is {viewType}, and the aggregator needs NEW_AND_OLD_IMAGES; " +
                "set the rewards table's stream view type to NEW_AND_OLD_IMAGES (nothing was written).", line, StringComparison.Ordinal);
            Assert.Contains("\"issued_count\": 0", totals.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _commands.Dispose();
}
