using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>
/// One test's finalizer on the emulators: a fresh aggregates table, its own report prefix in the shared bucket, a
/// fake clock and a captured log, and the real DynamoDB/S3/EMF collaborators the tests wrap with faults.
/// </summary>
public sealed class FinalizerTestBed : IDisposable
{
    public FinalizerTestBed(LocalAwsWorld world, DateTimeOffset now, string zone = "UTC", int recheckDays = 0, string? environment = null)
    {
        World = world;
        Dynamo = world.CreateDynamoDb();
        S3 = world.CreateS3();
        var tableName = $"aggregates-{Guid.NewGuid():N}";
        LocalAwsWorld.CreateAggregatesTableAsync(Dynamo, tableName, default).GetAwaiter().GetResult();
        Clock = new FakeTimeProvider(now);
        Settings = new FinalizerSettings
        {
            AggregatesTable = tableName,
            AnalyticsBucket = world.Options.Bucket,
            ReportPrefix = $"test-{Guid.NewGuid():N}/",
            ReportTimeZone = DateTimeZoneProviders.Tzdb[zone],
            RecheckDays = recheckDays,
            MetricsEnvironment = environment,
        };
        Table = new DynamoFinalizationTable(Dynamo, tableName, Settings.ReportTimeZone, Clock);
        Reports = new S3ReportStore(S3, Settings.AnalyticsBucket, Settings.ReportPrefix);
        Metrics = new EmfDayMetrics(Log, environment, FinalizerSettings.DefaultMetricsNamespace, reachesCloudWatch: true);
    }

    public LocalAwsWorld World { get; }
    public IAmazonDynamoDB Dynamo { get; }
    public IAmazonS3 S3 { get; }
    public FakeTimeProvider Clock { get; }
    public FinalizerSettings Settings { get; }
    public StringWriter Log { get; } = new();
    public DynamoFinalizationTable Table { get; }
    public S3ReportStore Reports { get; }
    public EmfDayMetrics Metrics { get; }

    /// <summary>The environment the real entry point reads for this bed.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(World.Environment)
    {
        [FinalizerSettings.AggregatesTableVariable] = Settings.AggregatesTable,
        [FinalizerSettings.ReportPrefixVariable] = Settings.ReportPrefix,
        [FinalizerSettings.ReportTimeZoneVariable] = Settings.ReportTimeZone.Id,
        [FinalizerSettings.RecheckDaysVariable] = Settings.RecheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public DailyFinalization Finalization(IFinalizationTable? table = null, IReportStore? reports = null, IDayMetrics? metrics = null) =>
        new(Settings, table ?? Table, reports ?? Reports, metrics ?? Metrics, Clock, Log);

    /// <summary>Sets one shard item of a day to these counters (as the stream aggregator would have left it).</summary>
    public Task SeedShardAsync(LocalDate day, string shard, DailyTotals totals, string? zone = null)
    {
        var item = AggregateItemCodec.TotalsAttributes(totals);
        foreach (var (name, value) in AggregateItemCodec.Key(AggregateItemCodec.Day(day), AggregateItemCodec.Shard(shard)))
        {
            item[name] = value;
        }

        item[AggregateItemCodec.LastSequence] = new AttributeValue { S = RewardRecords.Sequence(1) };
        if (zone is not null)
        {
            item[AggregateItemCodec.ReportTimeZone] = new AttributeValue { S = zone };
        }

        return Dynamo.PutItemAsync(new PutItemRequest { TableName = Settings.AggregatesTable, Item = item });
    }

    public async Task<byte[]?> ReportBytesAsync(LocalDate day) => (await Reports.GetAsync(day, default))?.Body;

    public IReadOnlyList<EmfLine> EmfLines => EmfLine.ParseAll(Log.ToString());

    public void Dispose()
    {
        Dynamo.Dispose();
        S3.Dispose();
        Log.Dispose();
    }
}
