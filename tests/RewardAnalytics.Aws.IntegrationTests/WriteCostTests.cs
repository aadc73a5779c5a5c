using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Aws.IntegrationTests;

/// <summary>
/// DynamoDB requests per 1,000 stream records, counted on the wire against dynalite: the watermark design (one
/// conditional update per day per batch) versus the naive exactly-once design (a dedupe item plus an update per
/// record). Printed as figures for docs/performance.md.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class WriteCostTests(LocalAwsFixture fixture, ITestOutputHelper output)
{
    private const int RecordCount = 2_000;
    private static readonly LocalDate Day = new(2024, 3, 9);

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task The_watermark_design_writes_once_per_day_per_batch(int batchSize)
    {
        var (dynamo, requests, table) = await FreshTableAsync();
        var tableStore = new DynamoAggregatesWriter(dynamo, table, TimeProvider.System);
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = table }, tableStore, TimeProvider.System, TextWriter.Null);
        var records = TimeOrderedDay();

        requests.Reset();
        foreach (var batch in records.Chunk(batchSize))
        {
            await aggregation.HandleAsync(Event(ShardA, batch), default);
        }

        var perThousand = requests.Count * 1000m / RecordCount;
        Figures.Print(output, $"write_cost design=watermark batch={batchSize} records={RecordCount} requests={requests.Count} requests_per_1000={perThousand:0.0}");
        Assert.Equal(Expected(records), await new DynamoDayLedgerReader(dynamo, table, DateTimeZone.Utc).ReadRunningTotalsAsync(Day, default));
        Assert.True(perThousand <= 1000m / batchSize + 0.5m, $"expected about one write per batch, measured {perThousand} per 1,000 records");
    }

    [Fact]
    public async Task At_batch_100_the_watermark_design_makes_at_most_a_hundredth_of_a_per_record_dedupes_requests()
    {
        // The per-record dedupe is a baseline, not a subject: its cost (a dedupe item and an update per record) is fixed
        // by construction. It is measured on the same wire beside the design it is compared with, and printed.
        var (dynamo, requests, table) = await FreshTableAsync();
        var records = TimeOrderedDay();
        requests.Reset();
        foreach (var record in records)
        {
            await PerRecordDedupe.ApplyAsync(dynamo, table, record);
        }

        var baseline = requests.Count;
        Figures.Print(output, $"write_cost design=per_record_dedupe batch=any records={RecordCount} requests={baseline} requests_per_1000={baseline * 1000m / RecordCount:0.0}");

        var (watermarkDynamo, watermarkRequests, watermarkTable) = await FreshTableAsync();
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = watermarkTable },
            new DynamoAggregatesWriter(watermarkDynamo, watermarkTable, TimeProvider.System), TimeProvider.System, TextWriter.Null);
        watermarkRequests.Reset();
        foreach (var batch in records.Chunk(100))
        {
            await aggregation.HandleAsync(Event(ShardA, batch), default);
        }

        Assert.True(watermarkRequests.Count * 100 <= baseline,
            $"the watermark design made {watermarkRequests.Count} requests for {RecordCount} records, the per-record dedupe {baseline}");
    }

    [Theory]
    [InlineData(21, 1)]
    [InlineData(28, 1)]
    [InlineData(40, 2)] // at the edge: 1 unit without TTL tallies, 2 with them
    public async Task A_write_to_an_item_with_a_full_applied_history_costs_at_most_the_write_units_expected(int digits, int mostUnits)
    {
        // DynamoDB Streams sequence numbers have 21 to 40 digits; consecutive records of a shard are not consecutive numbers.
        var (dynamo, _, table) = await FreshTableAsync();
        var tableStore = new DynamoAggregatesWriter(dynamo, table, TimeProvider.System);
        var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = table }, tableStore, TimeProvider.System, TextWriter.Null);
        var start = System.Numerics.BigInteger.Pow(10, digits - 1) + 4_421_584_500_017;
        var records = TimeOrderedDay()
            .Select((r, i) => r with { SequenceNumber = (start + (i * 7_919_003L)).ToString(CultureInfo.InvariantCulture) })
            .ToArray();

        foreach (var batch in records.Chunk(100))
        {
            await aggregation.HandleAsync(Event(ShardA, batch), default);
        }

        var item = (await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = AggregateItemCodec.Key(AggregateItemCodec.Day(Day), AggregateItemCodec.Shard(ShardA)),
            ConsistentRead = true,
        })).Item;
        var ranges = Enumerable.Range(0, AppliedHistory.Capacity).Count(i => item.TryGetValue(AggregateItemCodec.HistorySlot(i), out var v) && v.S.Contains('-', StringComparison.Ordinal) && v.S != AppliedHistory.EmptySlot);
        var bytes = ItemBytes(item);
        // What a write of this item costs, as DynamoDB (here dynalite, by the same rule) counts it: the same attributes
        // put under a key of the same length. An UpdateItem pays for the larger of the item before and after it.
        var copy = new Dictionary<string, AttributeValue>(item) { [AggregateItemCodec.PartitionKey] = new() { S = AggregateItemCodec.Day(Day.PlusDays(1)) } };
        var put = await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = copy, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        var units = put.ConsumedCapacity.CapacityUnits ?? double.NaN;
        Figures.Print(output, $"item_size history_ranges={ranges} sequence_digits={digits} item_bytes={bytes} write_units_per_write={units}");
        Assert.Equal(AppliedHistory.Capacity, ranges);
        Assert.InRange(units, 1.0, mostUnits);
    }

    /// <summary>An item's size by DynamoDB's rule: attribute names and string values in UTF-8 bytes, a number about one byte per two significant digits plus one.</summary>
    private static int ItemBytes(Dictionary<string, AttributeValue> item) => item.Sum(kv => System.Text.Encoding.UTF8.GetByteCount(kv.Key) + (kv.Value.S is { } s
        ? System.Text.Encoding.UTF8.GetByteCount(s)
        : 1 + ((kv.Value.N.TrimStart('-').Replace(".", "", StringComparison.Ordinal).Trim('0').Length + 1) / 2)));

    private async Task<(IAmazonDynamoDB Dynamo, RequestCounter Requests, string Table)> FreshTableAsync()
    {
        var dynamo = fixture.World.CreateDynamoDb();
        var requests = new RequestCounter();
        ((AmazonServiceClient)dynamo).BeforeRequestEvent += (_, _) => requests.Increment();
        var table = $"cost-{Guid.NewGuid():N}";
        await LocalAwsWorld.CreateAggregatesTableAsync(dynamo, table, default);
        return (dynamo, requests, table);
    }

    /// <summary>One day's rewards in time order, as a live stream delivers them: inserts with some amount corrections.</summary>
    private static StreamRecord[] TimeOrderedDay()
    {
        var random = new Random(11);
        var records = new List<StreamRecord>(RecordCount);
        var items = new List<Dictionary<string, AttributeValue>>();
        for (var i = 1; i <= RecordCount; i++)
        {
            var at = new DateTimeOffset(2024, 3, 9, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 86_399 / RecordCount);
            if (items.Count > 0 && random.Next(5) == 0)
            {
                var old = items[random.Next(items.Count)];
                var corrected = new Dictionary<string, AttributeValue>(old) { ["amount"] = new AttributeValue { N = Amount(random) } };
                items[items.IndexOf(old)] = corrected;
                records.Add(Modify(i, old, corrected));
                continue;
            }

            var item = Item($"r{i}", random.Next(3) == 0 ? "REDEEMED" : "ISSUED", Amount(random), at.ToString("O", CultureInfo.InvariantCulture));
            items.Add(item);
            records.Add(Insert(i, item));
        }

        return [.. records];
    }

    private static DailyTotals Expected(IEnumerable<StreamRecord> records)
    {
        var final = new Dictionary<string, Dictionary<string, AttributeValue>>();
        foreach (var r in records)
        {
            final[r.Keys["rewardId"].S] = r.NewImage!;
        }

        return final.Values.Aggregate(DailyTotals.Zero, (t, item) => t + DailyTotals.Of(
            item["type"].S == "ISSUED" ? RewardKind.Issued : RewardKind.Redeemed, decimal.Parse(item["amount"].N, CultureInfo.InvariantCulture)));
    }

    private static string Amount(Random random) => (random.Next(1, 50_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class RequestCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);
    }
}
