using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Cli.IntegrationTests.Themes;

/// <summary>
/// <c>reconcile --fix</c> and <c>backfill</c> while the stream keeps writing: a TTL expiry, a MODIFY and a late INSERT
/// applied through the real aggregator between the command's steps (after the scan, before the ledger read; after the
/// ledger read, before the correction is written), against dynalite. Every day ends exact, or refused by name with
/// nothing written for it while the other days proceed.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class RepairRaceTests : IDisposable
{
    private const string Day = "2023-11-15";
    private const string OtherDay = "2023-11-16";
    private static readonly LocalDate RacedDay = new(2023, 11, 15);

    // Streamed: s1 issued 100, m1 issued 10, s2 redeemed 20, t1 redeemed 7. History the stream never saw: h1 issued 5.
    private static readonly Dictionary<string, AttributeValue> Expiring = Item("t1", "REDEEMED", "7", "2023-11-15T11:00:00Z");
    private static readonly Dictionary<string, AttributeValue> Modified = Item("m1", "ISSUED", "10", "2023-11-15T12:00:00Z");
    private static readonly Dictionary<string, AttributeValue> ModifiedAfter = Item("m1", "ISSUED", "50", "2023-11-15T12:00:00Z");
    private static readonly Dictionary<string, AttributeValue> LateInsert = Item("n1", "ISSUED", "3", "2023-11-15T13:00:00Z");

    private readonly CommandWorld _world;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly StreamAggregation _aggregation;
    private long _nextSequence = 50_000;

    public RepairRaceTests(LocalAwsFixture fixture)
    {
        _world = new CommandWorld(fixture.World, "race");
        _dynamo = _world.Dynamo;
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2023-11-20T00:00:00Z", CultureInfo.InvariantCulture));
        _aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = Aggregates },
            new DynamoAggregatesWriter(_dynamo, Aggregates, clock), clock, TextWriter.Null);
    }

    public enum Write
    {
        TtlRemove,
        Modify,
        Insert,
    }

    private string Rewards => _world.Environment["REWARDS_TABLE"];

    private string Aggregates => _world.Environment["AGGREGATES_TABLE"];

    /// <summary>What the day's running totals must be once the write is in: the table plus what TTL removed from it.</summary>
    private static DailyTotals Truth(Write write) => write switch
    {
        Write.TtlRemove => new DailyTotals(115m, 27m, 3, 2),
        Write.Modify => new DailyTotals(155m, 27m, 3, 2),
        _ => new DailyTotals(118m, 27m, 4, 2),
    };

    private static readonly DailyTotals OtherDayTruth = new(42.5m, 0m, 2, 0);

    private async Task SeedAsync()
    {
        Dictionary<string, AttributeValue>[] streamed =
        [
            Item("s1", "ISSUED", "100", "2023-11-15T09:00:00Z"), Modified, Item("s2", "REDEEMED", "20", "2023-11-15T10:00:00Z"), Expiring,
            Item("x1", "ISSUED", "40", "2023-11-16T09:00:00Z"),
        ];
        foreach (var item in streamed.Append(Item("h1", "ISSUED", "5", "2023-11-15T08:00:00Z")).Append(Item("h2", "ISSUED", "2.5", "2023-11-16T08:00:00Z")))
        {
            await _dynamo.PutItemAsync(new PutItemRequest { TableName = Rewards, Item = item });
        }

        await _aggregation.HandleAsync(Event(ShardA, streamed.Select((item, i) => Insert(1_000 + i, item)).ToArray()), default);
    }

    /// <summary>The write as the platform makes it to the rewards table (TTL's delete, an update, a put).</summary>
    private Task WriteTableAsync(Write write) => write switch
    {
        Write.TtlRemove => _dynamo.DeleteItemAsync(Rewards, Key("t1")),
        Write.Modify => _dynamo.PutItemAsync(new PutItemRequest { TableName = Rewards, Item = ModifiedAfter }),
        _ => _dynamo.PutItemAsync(new PutItemRequest { TableName = Rewards, Item = LateInsert }),
    };

    /// <summary>The write's stream record applied by the real aggregator (a TTL REMOVE carries the service identity).</summary>
    private async Task ApplyStreamAsync(Write write)
    {
        var seq = _nextSequence++;
        var record = write switch
        {
            Write.TtlRemove => Remove(seq, Expiring, ttl: true),
            Write.Modify => Modify(seq, Modified, ModifiedAfter),
            _ => Insert(seq, LateInsert),
        };
        await _aggregation.HandleAsync(Event(ShardB, record), default);
    }

    private Task<DailyTotals> RunningTotalsAsync(string day) =>
        new DynamoDayLedgerReader(_dynamo, Aggregates, DateTimeZone.Utc).ReadRunningTotalsAsync(LocalDate.FromDateTime(DateTime.Parse(day, CultureInfo.InvariantCulture)), default);

    private async Task<bool> HasCorrectionAsync(string day) =>
        (await _dynamo.GetItemAsync(new GetItemRequest { TableName = Aggregates, Key = AggregateItemCodec.Key("DAY#" + day, "CORRECTION"), ConsistentRead = true }))
        .Item is { Count: > 0 };

    private static string[] Command(string command) => command == "reconcile"
        ? ["reconcile", "--from", Day, "--to", OtherDay, "--fix", "--json"]
        : ["backfill", "--from", Day, "--to", OtherDay, "--json"];

    public static TheoryData<string, Write> Cases()
    {
        var data = new TheoryData<string, Write>();
        foreach (var command in new[] { "reconcile", "backfill" })
        {
            foreach (var write in Enum.GetValues<Write>())
            {
                data.Add(command, write);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_write_the_stream_applies_between_the_scan_and_the_ledger_read_is_rescanned_and_every_day_ends_exact(string command, Write write)
    {
        await SeedAsync();
        var steps = new StreamBetweenSteps
        {
            // The scan has read the table as it was; now the platform writes and the stream applies it, before any ledger read.
            AfterScan = async scan =>
            {
                if (scan == 1)
                {
                    await WriteTableAsync(write);
                    await ApplyStreamAsync(write);
                }
            },
        };

        var run = await _world.RunAsync(steps, Command(command));

        Assert.Equal(Truth(write), await RunningTotalsAsync(Day));
        Assert.Equal(OtherDayTruth, await RunningTotalsAsync(OtherDay));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("scans").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("refused").EnumerateArray());
        Assert.Equal(0, (await _world.RunAsync("reconcile", "--from", Day, "--to", OtherDay)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_write_the_stream_applies_between_the_ledger_read_and_the_correction_refuses_that_day_and_writes_nothing_for_it(string command, Write write)
    {
        await SeedAsync();
        // The platform wrote before the scan (the scan sees it); the stream, lagging, applies it only after the ledger read.
        await WriteTableAsync(write);
        var steps = new StreamBetweenSteps
        {
            BeforeCorrection = async day =>
            {
                if (day == RacedDay)
                {
                    await ApplyStreamAsync(write);
                }
            },
        };

        var run = await _world.RunAsync(steps, Command(command));

        // Nothing written for the refused day: no correction, its totals are the stream's alone (h1 not yet brought in).
        Assert.Equal(Truth(write) - new DailyTotals(5m, 0m, 1, 0), await RunningTotalsAsync(Day));
        Assert.False(await HasCorrectionAsync(Day));
        Assert.Equal(1, run.ExitCode);
        using (var json = JsonDocument.Parse(run.Output))
        {
            var refused = Assert.Single(json.RootElement.GetProperty("refused").EnumerateArray());
            Assert.Equal(Day, refused.GetProperty("date").GetString());
            Assert.StartsWith("the stream applied records to the day between its ledger read and its correction", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.False(json.RootElement.GetProperty("matches").GetBoolean());
        }

        Assert.StartsWith($"error: refused: {Day} (the stream applied records", run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        // The other day proceeded.
        Assert.Equal(OtherDayTruth, await RunningTotalsAsync(OtherDay));

        // Run again once the stream has caught up: the day is made exact.
        var again = await _world.RunAsync(Command(command));
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(Truth(write), await RunningTotalsAsync(Day));
    }

    [Fact]
    public async Task A_refused_day_gets_back_the_correction_it_had_attribute_for_attribute()
    {
        await SeedAsync();
        // A correction as an earlier reconcile --fix wrote it (no write count yet), then the late insert the stream lags on.
        var earlier = AggregateItemCodec.Key("DAY#" + Day, "CORRECTION");
        earlier["total_issued"] = new AttributeValue { N = "1.25" };
        earlier["total_redeemed"] = new AttributeValue { N = "0" };
        earlier["issued_count"] = new AttributeValue { N = "1" };
        earlier["redeemed_count"] = new AttributeValue { N = "0" };
        earlier["updatedAt"] = new AttributeValue { S = "2023-11-18T10:00:00.0000000+00:00" };
        earlier["source"] = new AttributeValue { S = "reconcile --fix" };
        await _dynamo.PutItemAsync(new PutItemRequest { TableName = Aggregates, Item = earlier });
        await WriteTableAsync(Write.Insert);
        var steps = new StreamBetweenSteps { BeforeCorrection = day => day == RacedDay ? ApplyStreamAsync(Write.Insert) : Task.CompletedTask };

        var run = await _world.RunAsync(steps, "reconcile", "--from", Day, "--to", Day, "--fix");

        var stored = (await _dynamo.GetItemAsync(new GetItemRequest { TableName = Aggregates, Key = AggregateItemCodec.Key("DAY#" + Day, "CORRECTION"), ConsistentRead = true })).Item;
        Assert.Equal(
            earlier.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.S}{a.Value.N}"),
            stored.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.S}{a.Value.N}"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"refused {Day}: the stream applied records to the day between its ledger read and its correction; the previous correction is back\n", run.Output, StringComparison.Ordinal);
        Assert.Equal(Truth(Write.Insert) - new DailyTotals(3.75m, 0m, 0, 0), await RunningTotalsAsync(Day));
    }

    [Fact]
    public async Task A_day_the_stream_changes_during_every_scan_is_refused_by_name_and_the_other_day_is_corrected()
    {
        await SeedAsync();
        var late = 0;
        var steps = new StreamBetweenSteps
        {
            AfterScan = async _ =>
            {
                var item = Item($"late{late++}", "ISSUED", "1", "2023-11-15T14:00:00Z");
                await _dynamo.PutItemAsync(new PutItemRequest { TableName = Rewards, Item = item });
                await _aggregation.HandleAsync(Event(ShardB, Insert(_nextSequence++, item)), default);
            },
        };
        var before = await RunningTotalsAsync(Day);

        var run = await _world.RunAsync(steps, "reconcile", "--from", Day, "--to", OtherDay, "--fix");

        Assert.False(await HasCorrectionAsync(Day));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["scanned 1", "scanned 2", "scanned 3", "correcting 2023-11-16"], steps.Seen);
        Assert.Contains($"refused {Day}: the stream applied records to the day during each of 3 scans", run.Output, StringComparison.Ordinal);
        Assert.Contains("fixed 2023-11-16: CORRECTION = issued 2.5 (1)", run.Output, StringComparison.Ordinal);
        Assert.EndsWith(
            "2 days checked, 0 differ (7 items scanned, 0 not counted as unreadable; 2 rescans of days the stream changed during a scan), " +
            "1 refused: every other day matches\n", run.Output, StringComparison.Ordinal);
        Assert.False(await HasCorrectionAsync(Day));
        Assert.Equal(before + new DailyTotals(3m, 0m, 3, 0), await RunningTotalsAsync(Day));
        Assert.Equal(OtherDayTruth, await RunningTotalsAsync(OtherDay));
    }

    [Fact]
    public async Task A_correction_another_run_wrote_after_the_ledger_read_is_kept_and_the_day_refused()
    {
        await SeedAsync();
        var theirs = AggregateItemCodec.Key("DAY#" + Day, "CORRECTION");
        theirs["total_issued"] = new AttributeValue { N = "5" };
        theirs["issued_count"] = new AttributeValue { N = "1" };
        var steps = new StreamBetweenSteps
        {
            BeforeCorrection = async day =>
            {
                if (day == RacedDay)
                {
                    await _dynamo.PutItemAsync(new PutItemRequest { TableName = Aggregates, Item = theirs });
                }
            },
        };

        var run = await _world.RunAsync(steps, "reconcile", "--from", Day, "--to", OtherDay, "--fix", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var refused = Assert.Single(json.RootElement.GetProperty("refused").EnumerateArray());
        Assert.Equal(
            (Day, "its CORRECTION item changed after it was read (another reconcile or backfill of the day?); nothing was written"),
            (refused.GetProperty("date").GetString(), refused.GetProperty("reason").GetString()));
        var day = json.RootElement.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == Day);
        Assert.Equal(refused.GetProperty("reason").GetString(), day.GetProperty("refused").GetString());
        Assert.Equal(["2023-11-16"], json.RootElement.GetProperty("fixed").EnumerateArray().Select(d => d.GetString()));
        var stored = (await _dynamo.GetItemAsync(new GetItemRequest { TableName = Aggregates, Key = AggregateItemCodec.Key("DAY#" + Day, "CORRECTION"), ConsistentRead = true })).Item;
        Assert.Equal(("5", false), (stored["total_issued"].N, stored.ContainsKey("writes")));
    }

    public void Dispose() => _world.Dispose();
}
