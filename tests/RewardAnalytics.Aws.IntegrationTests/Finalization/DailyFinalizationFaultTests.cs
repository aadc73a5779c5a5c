using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>
/// The finalizer when its surroundings fail: S3 unreachable, DynamoDB throttling past the SDK's retries. The run fails
/// loudly, commits nothing it has not published, and the next run converges on one FINAL revision and one metrics line.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DailyFinalizationFaultTests : IDisposable
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private static readonly DateTimeOffset JustAfterMidnight = new(2023, 11, 16, 0, 5, 0, TimeSpan.Zero);
    private static readonly DailyTotals Totals = new(1500.0m, 750.0m, 15, 8);
    private readonly FinalizerTestBed _bed;

    public DailyFinalizationFaultTests(LocalAwsFixture fixture) => _bed = new FinalizerTestBed(fixture.World, JustAfterMidnight);

    [Fact]
    public async Task With_s3_unreachable_the_run_fails_commits_nothing_and_the_next_run_publishes_once()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Totals);
        using var unreachable = AwsClients.CreateS3(name => name == AwsClients.S3EndpointVariable ? "http://127.0.0.1:1" : _bed.World.Get(name));

        var failed = await Assert.ThrowsAsync<FinalizationFailedException>(() =>
            _bed.Finalization(reports: new S3ReportStore(unreachable, _bed.Settings.AnalyticsBucket, _bed.Settings.ReportPrefix)).RunAsync(Day, default));
        Assert.Contains("2023-11-15", failed.Message, StringComparison.Ordinal);
        Assert.Null((await _bed.Table.ReadDayAsync(Day, default)).Final);
        Assert.Empty(_bed.EmfLines);

        var outcome = Assert.Single((await _bed.Finalization().RunAsync(Day, default)).Days);

        Assert.Equal((DayAction.Created, 1), (outcome.Action, outcome.Revision));
        Assert.Equal(new Core.Reporting.DailyReport(Day, Totals).ToUtf8(), await _bed.ReportBytesAsync(Day));
        Assert.Single(_bed.EmfLines);
    }

    [Fact]
    public async Task Dynamodb_throttling_on_the_read_fails_the_run_before_anything_is_written()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Totals);
        var throttled = new ThrottledFinalizationTable(_bed.Table, throttleReads: 1, throttleCommits: 0);

        await Assert.ThrowsAsync<FinalizationFailedException>(() => _bed.Finalization(table: throttled).RunAsync(Day, default));
        Assert.Null(await _bed.ReportBytesAsync(Day));
        Assert.Empty(_bed.EmfLines);

        var outcome = Assert.Single((await _bed.Finalization().RunAsync(Day, default)).Days);
        Assert.Equal((DayAction.Created, 1), (outcome.Action, outcome.Revision));
        Assert.Single(_bed.EmfLines);
    }

    [Fact]
    public async Task Dynamodb_throttling_on_the_commit_leaves_final_unwritten_and_the_rerun_commits_revision_1()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Totals);
        var throttled = new ThrottledFinalizationTable(_bed.Table, throttleReads: 0, throttleCommits: 1);

        await Assert.ThrowsAsync<FinalizationFailedException>(() => _bed.Finalization(table: throttled).RunAsync(Day, default));
        Assert.Null((await _bed.Table.ReadDayAsync(Day, default)).Final);

        var outcome = Assert.Single((await _bed.Finalization().RunAsync(Day, default)).Days);
        var final = (await _bed.Table.ReadDayAsync(Day, default)).Final!;
        Assert.Equal((DayAction.Created, 1, Totals), (outcome.Action, final.Revision, final.Totals));
        Assert.Equal(new Core.Reporting.DailyReport(Day, Totals).ToUtf8(), await _bed.ReportBytesAsync(Day));
        // The metrics line was written before the throttled commit and again by the rerun: the documented cost of a
        // failure between metrics and FINAL (EMF is at least once; the S3 report is the source of truth).
        Assert.Equal(2, _bed.EmfLines.Count);
        Assert.All(_bed.EmfLines, line => Assert.Equal((1500m, "None"), line.Metrics["TotalIssuedRewards"]));
    }

    public void Dispose() => _bed.Dispose();

    /// <summary>The real table, throwing DynamoDB's throttling error for the first N reads or commits (as after the SDK's retries).</summary>
    private sealed class ThrottledFinalizationTable(IFinalizationTable inner, int throttleReads, int throttleCommits) : IFinalizationTable
    {
        public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) =>
            throttleReads-- > 0 ? throw Throttled() : inner.ReadDayAsync(day, cancellationToken);

        public Task CommitAsync(FinalizedDay final, FinalizedDay? previous, CancellationToken cancellationToken) =>
            throttleCommits-- > 0 ? throw Throttled() : inner.CommitAsync(final, previous, cancellationToken);

        public Task<LocalDate?> ReadFirstDayAsync(CancellationToken cancellationToken) => inner.ReadFirstDayAsync(cancellationToken);

        public Task RecordFirstDayAsync(LocalDate day, CancellationToken cancellationToken) => inner.RecordFirstDayAsync(day, cancellationToken);

        private static ProvisionedThroughputExceededException Throttled() =>
            new("The level of configured provisioned throughput for the table was exceeded.");
    }
}
