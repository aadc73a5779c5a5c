using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Time.Testing;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary>The cutover from the daily batch job, against the emulators: history written straight to the rewards table (no stream), the day the stream was enabled partly streamed and already finalized, the old job's reports in its own format under their own prefix; the world of the <c>backfill</c> and <c>parity</c> tests, run as an operator runs them.</summary>
public abstract class CutoverScenario : IDisposable
{
    private protected const string FirstDay = "2023-11-10";
    private protected const string StreamEnabledDay = "2023-11-14";
    private protected readonly CommandWorld _world;
    private protected readonly ITestOutputHelper _output;
    private protected readonly IAmazonDynamoDB _dynamo;
    private protected readonly IAmazonS3 _s3;
    private protected readonly Dictionary<string, string> _environment;
    private protected readonly string _oldPrefix = $"old-{Guid.NewGuid():N}/";

    protected CutoverScenario(LocalAwsFixture fixture, ITestOutputHelper output)
    {
        _output = output;
        _world = new CommandWorld(fixture.World, "shadow");
        _dynamo = _world.Dynamo;
        _environment = _world.Environment;
        _s3 = fixture.World.CreateS3();
    }

    private protected Task<CliRun> RunAsync(params string[] args) => _world.RunAsync(args);

    /// <summary>
    /// Five days of history: 2023-11-10 .. 2023-11-13 written before the stream existed; on 2023-11-14 the stream was
    /// enabled at noon, so only the afternoon went through the aggregator, and the finalizer published that partial day.
    /// </summary>
    private protected async Task SeedHistoryAsync()
    {
        for (var day = 10; day <= 14; day++)
        {
            var date = $"2023-11-{day}";
            for (var i = 0; i < day; i++)
            {
                await PutAsync(Item($"{date}-i{i}", "ISSUED", (10.25m * (i + 1)).ToString(CultureInfo.InvariantCulture), $"{date}T{i % 12:00}:15:00Z"));
            }

            for (var r = 0; r < day / 2; r++)
            {
                await PutAsync(Item($"{date}-r{r}", "REDEEMED", "3.3", $"{date}T{r % 12:00}:45:00Z"));
            }
        }

        // Not a reward the stream would count: the scan skips it too.
        await PutAsync(Item("broken", "ISSUED", "-1", "2023-11-12T09:00:00Z"));

        // The stream, enabled at noon on 2023-11-14, delivered the afternoon only.
        var afternoon = new[]
        {
            Item("2023-11-14-late-i", "ISSUED", "100", "2023-11-14T15:00:00Z"),
            Item("2023-11-14-late-r", "REDEEMED", "0.7", "2023-11-14T16:00:00Z"),
        };
        foreach (var item in afternoon)
        {
            await PutAsync(item);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2023-11-14T16:00:00Z", CultureInfo.InvariantCulture));
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = _environment["AGGREGATES_TABLE"] },
            new DynamoAggregatesWriter(_dynamo, _environment["AGGREGATES_TABLE"], clock), clock, TextWriter.Null);
        await aggregation.HandleAsync(Event(ShardA, afternoon.Select((item, i) => Insert(7_000 + i, item)).ToArray()), default);
        Assert.Equal(0, (await RunAsync("finalize", "--date", StreamEnabledDay)).ExitCode);
    }

    private protected async Task PutAsync(Dictionary<string, AttributeValue> item) =>
        await _dynamo.PutItemAsync(new PutItemRequest { TableName = _environment["REWARDS_TABLE"], Item = item });

    /// <summary>A report as the old job stored it, at its own prefix.</summary>
    private protected async Task PutOldReportAsync(string day, string body) => await _s3.PutObjectAsync(new PutObjectRequest
    {
        BucketName = _environment["ANALYTICS_BUCKET"],
        Key = $"{_oldPrefix}{day}.json",
        InputStream = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        ContentType = "application/json",
        UseChunkEncoding = false,
    });

    /// <summary>The old job's reports of 2023-11-11 .. 2023-11-13, from the scan's own figures: one in the seed's exact layout,
    /// one with other whitespace, key order and number style, and one whose issued_count the old job got wrong.</summary>
    private protected async Task PutOldJobReportsAsync()
    {
        // 2023-11-11: 11 issued of 10.25 * (1..11) = 676.5, 5 redeemed of 3.3 = 16.5.
        await PutOldReportAsync("2023-11-11",
            "{\n  \"date\": \"2023-11-11\",\n  \"total_issued\": 676.5,\n  \"total_redeemed\": 16.5,\n  \"net_rewards\": 660.0,\n  \"issued_count\": 11,\n  \"redeemed_count\": 5\n}");
        // 2023-11-12: 12 issued = 799.5, 6 redeemed = 19.8; the old job counted one issued reward too many.
        await PutOldReportAsync("2023-11-12",
            "{\n  \"date\": \"2023-11-12\",\n  \"total_issued\": 799.5,\n  \"total_redeemed\": 19.8,\n  \"net_rewards\": 779.7,\n  \"issued_count\": 13,\n  \"redeemed_count\": 6\n}");
        // 2023-11-13: 13 issued = 932.75, 6 redeemed = 19.8; compact, keys shuffled, trailing zeros and exponent.
        await PutOldReportAsync("2023-11-13",
            "{\"redeemed_count\":6,\"net_rewards\":912.950,\"date\":\"2023-11-13\",\"issued_count\":13,\"total_redeemed\":1.98E1,\"total_issued\":932.75}\n");
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _world.Dispose();
            _s3.Dispose();
        }
    }
}
