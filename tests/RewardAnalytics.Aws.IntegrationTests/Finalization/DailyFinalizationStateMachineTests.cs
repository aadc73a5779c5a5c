using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>Created → unchanged → revised, crashes after each step, old days and racing finalizers, on the emulators.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DailyFinalizationStateMachineTests : IDisposable
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private static readonly DailyTotals Seed = new(1500m, 750m, 15, 8);
    private static readonly DailyTotals Late = new(20.5m, 100m, 1, 2);
    private static readonly DateTimeOffset JustAfterMidnight = new(2023, 11, 16, 0, 5, 0, TimeSpan.Zero);
    private readonly LocalAwsFixture _fixture;
    private FinalizerTestBed _bed;

    public DailyFinalizationStateMachineTests(LocalAwsFixture fixture)
    {
        _fixture = fixture;
        _bed = new FinalizerTestBed(fixture.World, JustAfterMidnight);
    }

    private async Task<DayOutcome> FinalizeAsync(DailyFinalization? finalization = null) =>
        Assert.Single((await (finalization ?? _bed.Finalization()).RunAsync(Day, default)).Days);

    private async Task<FinalizedDay> FinalAsync() => (await _bed.Table.ReadDayAsync(Day, default)).Final!;

    [Fact]
    public async Task A_first_run_writes_the_report_one_metrics_line_and_final_revision_1()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);

        var outcome = await FinalizeAsync();

        Assert.Equal((DayAction.Created, 1, Seed, MetricsOutcome.Published), (outcome.Action, outcome.Revision, outcome.Totals, outcome.Metrics));
        var line = Assert.Single(_bed.EmfLines);
        Assert.Equal("LoyaltyPlatform/Rewards", line.Namespace);
        Assert.Equal([[]], line.DimensionSets);
        Assert.Equal(DateTimeOffset.Parse("2023-11-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), line.Time);
        Assert.Equal((1500m, "None"), line.Metrics["TotalIssuedRewards"]);
        Assert.Equal((750m, "None"), line.Metrics["TotalRedeemedRewards"]);
        Assert.Equal((750m, "None"), line.Metrics["NetRewards"]);
        Assert.Equal((15m, "Count"), line.Metrics["IssuedCount"]);
        Assert.Equal((8m, "Count"), line.Metrics["RedeemedCount"]);
        var final = await FinalAsync();
        Assert.Equal((Seed, 1, true), (final.Totals, final.Revision, final.MetricsPublished));
        Assert.Equal(Instant.FromDateTimeOffset(JustAfterMidnight), final.FinalizedAt);
    }

    [Fact]
    public async Task With_a_metrics_environment_the_line_has_one_environment_dimension()
    {
        _bed.Dispose();
        _bed = new FinalizerTestBed(_fixture.World, JustAfterMidnight, environment: "prod");
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);

        await FinalizeAsync();

        var line = Assert.Single(_bed.EmfLines);
        Assert.Equal([["Environment"]], line.DimensionSets);
        Assert.Equal("prod", line.Strings["Environment"]);
    }

    [Fact]
    public async Task An_unchanged_rerun_writes_no_report_and_emits_no_metrics_line()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        await FinalizeAsync();
        var reports = new CrashingReportStore(_bed.Reports);
        _bed.Clock.Advance(TimeSpan.FromHours(3));

        var rerun = await FinalizeAsync(_bed.Finalization(reports: reports));

        Assert.Equal((DayAction.Unchanged, 1, MetricsOutcome.None), (rerun.Action, rerun.Revision, rerun.Metrics));
        Assert.Equal(0, reports.Puts);
        Assert.Single(_bed.EmfLines);
        Assert.Equal(Instant.FromDateTimeOffset(JustAfterMidnight), (await FinalAsync()).FinalizedAt);
    }

    [Fact]
    public async Task A_late_record_makes_revision_2_whose_metrics_are_the_difference()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        await FinalizeAsync();
        await _bed.SeedShardAsync(Day, RewardRecords.ShardB, Late);
        _bed.Clock.Advance(TimeSpan.FromDays(1));

        var revision = await FinalizeAsync();

        Assert.Equal((DayAction.Revised, 2, Seed + Late), (revision.Action, revision.Revision, revision.Totals));
        Assert.Equal(Body(Seed + Late), await ReportAsync());
        Assert.Equal("2", (await _bed.Reports.GetAsync(Day, default))!.MetadataValue("revision"));
        var lines = _bed.EmfLines;
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0].Timestamp, lines[1].Timestamp);
        Assert.Equal([20.5m, 100m, -79.5m, 1m, 2m], Values(lines[1]));
        // The published meaning: the Sum over the day's period is the day's final totals.
        Assert.Equal(Values(Seed + Late), Enumerable.Range(0, 5).Select(i => lines.Sum(l => Values(l)[i])).ToArray());
        Assert.Equal(2, (await FinalAsync()).Revision);
    }

    [Fact]
    public async Task A_day_with_no_rewards_after_the_first_day_with_data_is_finalized_with_zeros()
    {
        await _bed.Table.RecordFirstDayAsync(Day.PlusDays(-1), default);

        var outcome = await FinalizeAsync();

        Assert.Equal((DayAction.Created, 1, DailyTotals.Zero), (outcome.Action, outcome.Revision, outcome.Totals));
        Assert.Equal(Body(DailyTotals.Zero), await ReportAsync());
        Assert.Equal([0m, 0m, 0m, 0m, 0m], Values(Assert.Single(_bed.EmfLines)));
    }

    [Fact]
    public async Task A_day_before_the_first_day_with_data_is_no_data_with_no_report_no_metrics_and_no_final()
    {
        _bed.Dispose();
        _bed = new FinalizerTestBed(_fixture.World, JustAfterMidnight, recheckDays: 2);
        await _bed.SeedShardAsync(Day.PlusDays(-1), RewardRecords.ShardA, Seed);

        var run = await _bed.Finalization().RunAsync(Day, default);

        // The day before the first one with data has nothing; the day after it has no rewards: a real zero.
        Assert.Equal(
            [(Day, DayAction.Created, DailyTotals.Zero), (Day.PlusDays(-1), DayAction.Created, Seed), (Day.PlusDays(-2), DayAction.NoData, DailyTotals.Zero)],
            run.Days.Select(d => (d.Date, d.Action, d.Totals)));
        Assert.Null(await _bed.ReportBytesAsync(Day.PlusDays(-2)));
        Assert.Null((await _bed.Table.ReadDayAsync(Day.PlusDays(-2), default)).Final);
        Assert.Equal(2, _bed.EmfLines.Count);
        Assert.Contains("\"date\":\"2023-11-13\",\"action\":\"no-data\"}", run.ToJson(), StringComparison.Ordinal);
        // The first run found the first day with data in the table itself, and says which it is; so does a later run.
        Assert.Contains("it lies before the first day with data (2023-11-14)", _bed.Log.ToString(), StringComparison.Ordinal);
        var again = await _bed.Finalization().RunAsync(Day, default);
        Assert.Equal(DayAction.NoData, again.Days[^1].Action);
        Assert.Equal(Day.PlusDays(-1), await _bed.Table.ReadFirstDayAsync(default));
    }

    [Fact]
    public async Task On_a_table_with_no_data_yet_every_day_is_no_data_and_nothing_is_recorded()
    {
        _bed.Dispose();
        _bed = new FinalizerTestBed(_fixture.World, JustAfterMidnight, recheckDays: 1);

        var run = await _bed.Finalization().RunAsync(Day, default);

        Assert.Equal([DayAction.NoData, DayAction.NoData], run.Days.Select(d => d.Action));
        Assert.Contains("no data: no item was ever written for the day, and no earlier day has data", _bed.Log.ToString(), StringComparison.Ordinal);
        Assert.Empty(_bed.EmfLines);
        Assert.Null(await _bed.Table.ReadFirstDayAsync(default));
    }

    [Fact]
    public async Task A_day_finalized_outside_lambda_records_metrics_unpublished_and_the_deployed_finalizer_publishes_them_once()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        var outsideLambda = _bed.Finalization(metrics: new EmfDayMetrics(_bed.Log, null, FinalizerSettings.DefaultMetricsNamespace, reachesCloudWatch: false));

        var cli = await FinalizeAsync(outsideLambda);
        var cliAgain = await FinalizeAsync(outsideLambda);

        Assert.Equal((DayAction.Created, MetricsOutcome.NotDelivered), (cli.Action, cli.Metrics));
        Assert.Equal((DayAction.Unchanged, MetricsOutcome.NotDelivered), (cliAgain.Action, cliAgain.Metrics));
        Assert.Empty(_bed.EmfLines);
        Assert.Equal((1, false), ((await FinalAsync()).Revision, (await FinalAsync()).MetricsPublished));
        Assert.Contains("metrics not published: this run is outside Lambda", _bed.Log.ToString(), StringComparison.Ordinal);
        Assert.Equal(Body(Seed), await ReportAsync());

        var lambda = await FinalizeAsync();
        var lambdaAgain = await FinalizeAsync();

        Assert.Equal((DayAction.MetricsPublished, 1, MetricsOutcome.Published), (lambda.Action, lambda.Revision, lambda.Metrics));
        Assert.Equal((DayAction.Unchanged, MetricsOutcome.None), (lambdaAgain.Action, lambdaAgain.Metrics));
        Assert.Equal(Values(Seed), Values(Assert.Single(_bed.EmfLines)));
        var final = await FinalAsync();
        Assert.Equal((1, true, FinalizerSettings.DefaultMetricsNamespace), (final.Revision, final.MetricsPublished, final.Metrics!.Namespace));
    }

    [Fact]
    public async Task A_revision_made_outside_lambda_is_published_by_the_deployed_finalizer_as_what_the_namespace_lacks()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        await FinalizeAsync();
        await _bed.SeedShardAsync(Day, RewardRecords.ShardB, Late);
        var outsideLambda = _bed.Finalization(metrics: new EmfDayMetrics(_bed.Log, null, FinalizerSettings.DefaultMetricsNamespace, reachesCloudWatch: false));

        var cli = await FinalizeAsync(outsideLambda);
        var lambda = await FinalizeAsync();

        Assert.Equal((DayAction.Revised, 2, MetricsOutcome.NotDelivered), (cli.Action, cli.Revision, cli.Metrics));
        Assert.Equal((DayAction.MetricsPublished, 2, MetricsOutcome.Published), (lambda.Action, lambda.Revision, lambda.Metrics));
        var lines = _bed.EmfLines;
        Assert.Equal([Values(Seed), Values(Late)], lines.Select(Values));
        Assert.Equal(Values(Seed + Late), Enumerable.Range(0, 5).Select(i => lines.Sum(l => Values(l)[i])).ToArray());
        Assert.Equal(Body(Seed + Late), await ReportAsync());
    }

    [Fact]
    public async Task After_the_cutover_switch_a_day_published_to_the_shadow_namespace_is_published_to_the_main_one_exactly_once()
    {
        const string shadow = FinalizerSettings.DefaultMetricsNamespace + "/Shadow";
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        await FinalizeAsync(_bed.Finalization(metrics: new EmfDayMetrics(_bed.Log, null, shadow, reachesCloudWatch: true)));

        var switched = await FinalizeAsync();
        var rerun = await FinalizeAsync();

        Assert.Equal((DayAction.MetricsPublished, MetricsOutcome.Published), (switched.Action, switched.Metrics));
        Assert.Equal((DayAction.Unchanged, MetricsOutcome.None), (rerun.Action, rerun.Metrics));
        Assert.Equal(
            [(shadow, Values(Seed)), (FinalizerSettings.DefaultMetricsNamespace, Values(Seed))],
            _bed.EmfLines.Select(l => (l.Namespace, Values(l))));
    }

    /// <summary>
    /// The finalizer's role allows Query, PutItem and Scan on the table (Policies.FinalizerTableActions), nothing else; the
    /// Scan runs once, on the first run, to find the earliest day with data, and never once a marker is recorded.
    /// </summary>
    [Fact]
    public async Task The_finalizer_calls_only_query_and_put_item_and_scans_once_to_find_the_first_day_with_data()
    {
        var wire = new RecordingHttpClientFactory();
        using var dynamo = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
            new Amazon.Runtime.BasicAWSCredentials(Local.Emulators.LocalAwsWorld.AccessKey, Local.Emulators.LocalAwsWorld.SecretKey),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = _bed.World.DynamoDbEndpoint, AuthenticationRegion = Local.Emulators.LocalAwsWorld.Region, HttpClientFactory = wire });
        var table = new DynamoFinalizationTable(dynamo, _bed.Settings.AggregatesTable, _bed.Settings.ReportTimeZone, _bed.Clock);
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        var finalization = new DailyFinalization(_bed.Settings with { RecheckDays = 2 }, table, _bed.Reports, _bed.Metrics, _bed.Clock, _bed.Log);

        await finalization.RunAsync(Day, default);
        await finalization.RunAsync(Day, default);

        var actions = wire.Requests.Select(r => r.Headers["x-amz-target"]).ToList();
        Assert.Equal(["DynamoDB_20120810.PutItem", "DynamoDB_20120810.Query", "DynamoDB_20120810.Scan"], actions.Distinct().Order(StringComparer.Ordinal));
        Assert.Single(actions, a => a == "DynamoDB_20120810.Scan");
        Assert.Equal(Day, await table.ReadFirstDayAsync(default));
    }

    [Fact]
    public async Task A_quiet_day_after_days_summed_before_the_finalizer_ever_ran_gets_a_zero_report_not_no_data()
    {
        // The aggregator summed a day long before the re-check window, and no run has finalized anything yet.
        await _bed.SeedShardAsync(Day.PlusDays(-30), RewardRecords.ShardA, Seed);

        var outcome = await FinalizeAsync();

        Assert.Equal((DayAction.Created, 1, DailyTotals.Zero), (outcome.Action, outcome.Revision, outcome.Totals));
        Assert.Equal(Body(DailyTotals.Zero), await ReportAsync());
        Assert.Equal(Day.PlusDays(-30), await _bed.Table.ReadFirstDayAsync(default));
    }

    [Fact]
    public async Task A_day_summed_in_another_time_zone_is_refused_naming_both_zones_and_nothing_is_written()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed, zone: "America/New_York");

        var failed = await Assert.ThrowsAsync<FinalizationFailedException>(() => _bed.Finalization().RunAsync(Day, default));

        Assert.Equal(
            "2023-11-15 was summed in America/New_York but REPORT_TIME_ZONE is UTC: set REPORT_TIME_ZONE=America/New_York",
            Assert.Single(failed.Failures).Error.Message);
        Assert.Null(await ReportAsync());
        Assert.Empty(_bed.EmfLines);
        await Assert.ThrowsAsync<ReportTimeZoneMismatchException>(() => _bed.Table.ReadDayAsync(Day, default));
        var newYork = new DynamoFinalizationTable(_bed.Dynamo, _bed.Settings.AggregatesTable, DateTimeZoneProviders.Tzdb["America/New_York"], _bed.Clock);
        var ledger = await newYork.ReadDayAsync(Day, default);
        Assert.Equal((Seed, (FinalizedDay?)null), (ledger.RunningTotals, ledger.Final));
    }

    public static TheoryData<CrashPoint, bool> Crashes => new()
    {
        { CrashPoint.AfterReport, false },
        { CrashPoint.AfterMetrics, false },
        { CrashPoint.AfterFinal, false },
        { CrashPoint.AfterReport, true },
        { CrashPoint.AfterMetrics, true },
        { CrashPoint.AfterFinal, true },
    };

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_after_any_step_is_repaired_by_the_rerun(CrashPoint crash, bool duringRevision)
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        var expected = Seed;
        var revision = 1;
        if (duringRevision)
        {
            await FinalizeAsync();
            await _bed.SeedShardAsync(Day, RewardRecords.ShardB, Late);
            expected = Seed + Late;
            revision = 2;
        }

        var linesBefore = _bed.EmfLines.Count;
        var crashing = _bed.Finalization(
            reports: new CrashingReportStore(_bed.Reports, crash == CrashPoint.AfterReport),
            metrics: new CrashingDayMetrics(_bed.Metrics, crash == CrashPoint.AfterMetrics),
            table: new CrashingFinalizationTable(_bed.Table, crashAfterCommit: crash == CrashPoint.AfterFinal));
        var failure = await Assert.ThrowsAsync<FinalizationFailedException>(() => crashing.RunAsync(Day, default));
        Assert.IsType<InjectedCrashException>(failure.InnerException);

        var rerun = await FinalizeAsync();

        // What the rerun did: before FINAL it redoes the revision (same bytes, same values); after FINAL, nothing.
        var expectedAction = crash == CrashPoint.AfterFinal ? DayAction.Unchanged : duringRevision ? DayAction.Revised : DayAction.Created;
        Assert.Equal((expectedAction, revision, expected), (rerun.Action, rerun.Revision, rerun.Totals));
        Assert.Equal(Body(expected), await ReportAsync());
        var final = await FinalAsync();
        Assert.Equal((expected, revision), (final.Totals, final.Revision));
        Assert.Equal(revision.ToString(System.Globalization.CultureInfo.InvariantCulture), (await _bed.Reports.GetAsync(Day, default))!.MetadataValue("revision"));

        var newLines = _bed.EmfLines.Skip(linesBefore).ToArray();
        var revisionValues = Values(duringRevision ? Late : Seed);
        if (crash == CrashPoint.AfterMetrics)
        {
            // The documented cost of a crash between metrics and FINAL: the revision's values are published twice.
            Assert.Equal(2, newLines.Length);
            Assert.All(newLines, l => Assert.Equal(revisionValues, Values(l)));
        }
        else
        {
            Assert.Equal(revisionValues, Values(Assert.Single(newLines)));
        }
    }

    [Fact]
    public async Task A_revision_of_a_day_older_than_14_days_updates_s3_and_final_but_publishes_no_metrics()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        await FinalizeAsync();
        await _bed.SeedShardAsync(Day, RewardRecords.ShardB, Late);
        _bed.Clock.Advance(TimeSpan.FromDays(15));

        var revision = await FinalizeAsync();

        Assert.Equal((DayAction.Revised, 2, MetricsOutcome.TooOld), (revision.Action, revision.Revision, revision.Metrics));
        Assert.Single(_bed.EmfLines);
        Assert.Equal(Body(Seed + Late), await ReportAsync());
        var final = await FinalAsync();
        Assert.Equal((2, false), (final.Revision, final.MetricsPublished));
        Assert.Contains("metrics not re-published", _bed.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_racing_finalizers_commit_one_revision_and_publish_the_totals_once()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        var other = _bed.Finalization();
        // A reads Seed and publishes it; before A commits, a late record lands and B finalizes Seed + Late.
        var racing = _bed.Finalization(table: new CrashingFinalizationTable(_bed.Table, beforeCommit: async () =>
        {
            await _bed.SeedShardAsync(Day, RewardRecords.ShardB, Late);
            Assert.Equal(DayAction.Created, (await other.FinalizeDayAsync(Day, default)).Action);
        }));

        var outcome = await FinalizeAsync(racing);

        Assert.Equal((DayAction.Unchanged, 1), (outcome.Action, outcome.Revision));
        var final = await FinalAsync();
        Assert.Equal((Seed + Late, 1), (final.Totals, final.Revision));
        Assert.Equal(Body(Seed + Late), await ReportAsync());
        var lines = _bed.EmfLines;
        Assert.Equal(3, lines.Count); // A's line, B's line, A's compensation
        Assert.Equal(Values(Seed + Late), Enumerable.Range(0, 5).Select(i => lines.Sum(l => Values(l)[i])).ToArray());
    }

    [Fact]
    public async Task Rechecked_days_are_finalized_too_and_only_a_changed_one_is_revised()
    {
        _bed.Dispose();
        _bed = new FinalizerTestBed(_fixture.World, JustAfterMidnight, recheckDays: 3);
        await _bed.SeedShardAsync(Day.PlusDays(-3), RewardRecords.ShardA, Seed);
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, Seed);
        var first = await _bed.Finalization().RunAsync(null, default);
        Assert.Equal([Day, Day.PlusDays(-1), Day.PlusDays(-2), Day.PlusDays(-3)], first.Days.Select(d => d.Date));
        Assert.All(first.Days, d => Assert.Equal(DayAction.Created, d.Action));

        await _bed.SeedShardAsync(Day.PlusDays(-2), RewardRecords.ShardA, Late);
        var second = await _bed.Finalization().RunAsync(Day, default);

        Assert.Equal([DayAction.Unchanged, DayAction.Unchanged, DayAction.Revised, DayAction.Unchanged], second.Days.Select(d => d.Action));
        Assert.Equal(5, _bed.EmfLines.Count);
    }

    /// <summary>The stored report as text (compared with <see cref="Body"/>: the exact bytes, read as UTF-8).</summary>
    private async Task<string?> ReportAsync() => await _bed.ReportBytesAsync(Day) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    private static string Body(DailyTotals totals) => new DailyReport(Day, totals).ToJson();

    private static decimal[] Values(EmfLine line) =>
        [line.Value("TotalIssuedRewards"), line.Value("TotalRedeemedRewards"), line.Value("NetRewards"), line.Value("IssuedCount"), line.Value("RedeemedCount")];

    private static decimal[] Values(DailyTotals t) => [t.TotalIssued, t.TotalRedeemed, t.NetRewards, t.IssuedCount, t.RedeemedCount];

    public void Dispose() => _bed.Dispose();
}
