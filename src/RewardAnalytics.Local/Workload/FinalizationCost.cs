using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Workload;

/// <summary>
/// Items read to finalize one day of N rewards, counted from DynamoDB's own <c>ScannedCount</c> on the local world:
/// the finalizer (one consistent Query of the day's aggregates items: shard items, CORRECTION, FINAL) versus a full
/// Scan of the rewards table (the original service's method). The rewards go into a fresh rewards table and, as
/// stream batches over <c>shards</c> shards, through the real aggregator into a fresh aggregates table.
/// </summary>
public static class FinalizationCost
{
    /// <summary>The day every measured reward is created on.</summary>
    public static readonly LocalDate Day = new(2024, 3, 9);
    private const int StreamBatchSize = 1_000;

    /// <summary>What one measurement found; the two totals must agree for the figures to mean anything.</summary>
    public sealed record Result(
        int Rewards, int Shards, long FinalizerItemsRead, int FinalizerReadRequests, long ScanItemsRead, int ScanRequests,
        DailyTotals Finalized, DailyTotals Scanned)
    {
        /// <summary>Items a full scan read per item the finalizer read.</summary>
        public decimal Ratio => FinalizerItemsRead == 0 ? 0m : (decimal)ScanItemsRead / FinalizerItemsRead;

        /// <summary>The measurement as one <c>key=value</c> line, the form the performance notes quote.</summary>
        public string Figures => string.Create(CultureInfo.InvariantCulture,
            $"finalization_cost rewards={Rewards} shards={Shards} finalizer_items_read={FinalizerItemsRead} finalizer_read_requests={FinalizerReadRequests} scan_items_read={ScanItemsRead} scan_requests={ScanRequests} ratio={Ratio:0}");
    }

    /// <summary>Measures one day of <paramref name="rewards"/> rewards streamed over <paramref name="shards"/> shards, in fresh tables on <paramref name="world"/>.</summary>
    public static async Task<Result> MeasureAsync(LocalAwsWorld world, int rewards, int shards, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var rewardsTable = $"rewards-cost-{run}";
        var aggregatesTable = $"aggregates-cost-{run}";
        using var setup = world.CreateDynamoDb(maxErrorRetry: 10);
        await LocalAwsWorld.CreateTableAsync(setup, rewardsTable, [("rewardId", KeyType.HASH)], ct).ConfigureAwait(false);
        await LocalAwsWorld.CreateAggregatesTableAsync(setup, aggregatesTable, ct).ConfigureAwait(false);

        var items = Rewards(rewards);
        await PutAllAsync(setup, rewardsTable, items, ct).ConfigureAwait(false);
        await AggregateAsync(setup, aggregatesTable, items, shards, ct).ConfigureAwait(false);
        // A running service has its first day with data recorded; the one-time scan that finds it is not a day's cost.
        await new DynamoFinalizationTable(setup, aggregatesTable, DateTimeZone.Utc, TimeProvider.System).RecordFirstDayAsync(Day, ct).ConfigureAwait(false);

        // The finalizer as deployed (re-checking the days before), reading through a client that counts what it read.
        using var finalizerDynamo = world.CreateDynamoDb();
        var finalizerReads = ReadCounter.Attach(finalizerDynamo);
        using var s3 = world.CreateS3();
        var settings = new FinalizerSettings { AggregatesTable = aggregatesTable, AnalyticsBucket = world.Options.Bucket, ReportPrefix = $"cost-{run}/" };
        var finalization = new DailyFinalization(
            settings, new DynamoFinalizationTable(finalizerDynamo, aggregatesTable, settings.ReportTimeZone, TimeProvider.System), new S3ReportStore(s3, settings.AnalyticsBucket, settings.ReportPrefix),
            new EmfDayMetrics(TextWriter.Null, null, FinalizerSettings.DefaultMetricsNamespace, reachesCloudWatch: true), TimeProvider.System, TextWriter.Null);
        var summary = await finalization.RunAsync(Day, ct).ConfigureAwait(false);
        var finalized = summary.Days.Single(d => d.Date == Day).Totals;

        using var scanDynamo = world.CreateDynamoDb();
        var scanReads = ReadCounter.Attach(scanDynamo);
        var tally = await new RewardsTableScan(scanDynamo, rewardsTable, RewardImageSchema.Default)
            .ScanAsync(DateTimeZone.Utc, new DateInterval(Day, Day), RewardsTableScan.DefaultSegments, ct).ConfigureAwait(false);

        return new Result(rewards, shards, finalizerReads.Items, finalizerReads.Requests, scanReads.Items, scanReads.Requests, finalized, tally.For(Day));
    }

    private static List<Dictionary<string, AttributeValue>> Rewards(int count)
    {
        var random = new Random(5);
        var start = new DateTimeOffset(Day.Year, Day.Month, Day.Day, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i => new Dictionary<string, AttributeValue>
        {
            ["rewardId"] = new() { S = $"rwd-{i:D7}" },
            ["memberId"] = new() { S = $"mbr-{random.Next(10_000):D5}" },
            ["type"] = new() { S = random.Next(3) == 0 ? "REDEEMED" : "ISSUED" },
            ["amount"] = new() { N = (random.Next(1, 50_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture) },
            ["createdAt"] = new() { S = start.AddSeconds((long)i * 86_399 / count).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) },
        }).ToList();
    }

    private static async Task PutAllAsync(IAmazonDynamoDB dynamo, string table, List<Dictionary<string, AttributeValue>> items, CancellationToken ct)
    {
        await Parallel.ForEachAsync(items.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (chunk, token) =>
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [table] = chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList(),
            };
            while (pending.Count > 0)
            {
                var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, token).ConfigureAwait(false);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Delivers the rewards as INSERT records, round-robin over the shards, in batches, through the aggregator.</summary>
    private static async Task AggregateAsync(
        IAmazonDynamoDB dynamo, string table, List<Dictionary<string, AttributeValue>> items, int shards, CancellationToken ct)
    {
        var aggregation = new StreamAggregation(
            new AggregatorSettings { AggregatesTable = table }, new DynamoAggregatesWriter(dynamo, table, TimeProvider.System), TimeProvider.System, TextWriter.Null);
        var at = new DateTimeOffset(Day.Year, Day.Month, Day.Day, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(0, shards), ct, async (shard, token) =>
        {
            var shardId = $"shardId-{shard:D20}-cost";
            var records = items.Where((_, i) => i % shards == shard)
                .Select((item, n) => new StreamRecord(
                    $"e{shard}-{n}", StreamRecord.Insert, (100_000_000_000_000_000_000m + n).ToString(CultureInfo.InvariantCulture),
                    new() { ["rewardId"] = item["rewardId"] }, item, null, at));
            foreach (var batch in records.Chunk(StreamBatchSize))
            {
                var outcome = await aggregation.HandleAsync(StreamRecord.WriteEvent(shardId, batch, at, at.AddMinutes(5)), token).ConfigureAwait(false);
                if (outcome.BatchItemFailures.Count > 0)
                {
                    throw new InvalidOperationException($"The aggregator could not write a batch of {shardId} to {table}.");
                }
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Sums what DynamoDB reports it read (ScannedCount of Query and Scan, one per GetItem found) on one client.</summary>
    private sealed class ReadCounter
    {
        private long _items;
        private int _requests;

        public long Items => Interlocked.Read(ref _items);
        public int Requests => Volatile.Read(ref _requests);

        public static ReadCounter Attach(IAmazonDynamoDB dynamo)
        {
            var counter = new ReadCounter();
            ((AmazonServiceClient)dynamo).AfterResponseEvent += (_, e) =>
            {
                var read = (e as WebServiceResponseEventArgs)?.Response switch
                {
                    QueryResponse q => q.ScannedCount ?? 0,
                    ScanResponse s => s.ScannedCount ?? 0,
                    GetItemResponse g => g.Item is { Count: > 0 } ? 1 : 0,
                    _ => -1,
                };
                if (read >= 0)
                {
                    Interlocked.Add(ref counter._items, read);
                    Interlocked.Increment(ref counter._requests);
                }
            };
            return counter;
        }
    }
}
