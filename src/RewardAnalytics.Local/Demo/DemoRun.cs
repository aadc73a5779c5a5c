using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Lambda;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The whole service end to end on a local world: day by day the workload is written to the rewards table, the
/// stream is delivered to the aggregator's real entry point (with the fault plan), and the finalizer runs as its
/// schedule would at 00:05; after the last day come late writes for finalized days, the stream again, and the
/// finalizer for every day. Then <see cref="DemoVerifier"/> compares everything with a full scan.
/// </summary>
public sealed class DemoRun
{
    private readonly LocalAwsWorld _world;
    private readonly DemoOptions _options;
    private readonly AggregatesTableFactory _aggregates;
    private readonly Action<DemoProgress>? _progress;

    /// <summary>What <c>demo</c> runs on <paramref name="world"/>: the aggregator writes through the deployed writer; <paramref name="progress"/> hears each stage's progress.</summary>
    public DemoRun(LocalAwsWorld world, DemoOptions options, Action<DemoProgress>? progress = null)
        : this(world, options, DeployedWriter, progress)
    {
    }

    /// <summary>
    /// The composition: a run on <paramref name="world"/> whose aggregator writes through the table
    /// <paramref name="aggregates"/> builds (a test plants a bug there and the run's checks must catch it).
    /// </summary>
    public DemoRun(LocalAwsWorld world, DemoOptions options, AggregatesTableFactory aggregates, Action<DemoProgress>? progress = null)
    {
        _world = world;
        _options = options;
        _aggregates = aggregates;
        _progress = progress;
    }

    /// <summary>The table the deployed aggregator writes through: <see cref="DynamoAggregatesWriter"/>.</summary>
    public static IAggregatesTable DeployedWriter(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock) => new DynamoAggregatesWriter(dynamo, tableName, clock);

    /// <summary>Writes, streams, finalizes and verifies the whole workload; the result holds every day, check and figure.</summary>
    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var w = _options.Workload;
        var zone = w.TimeZone;
        using var dynamo = _world.CreateDynamoDb();
        using var s3 = _world.CreateS3();
        Report(DemoStage.Starting, 0, 1);
        await DemoTables.ResetAsync(_world, dynamo, s3, cancellationToken).ConfigureAwait(false);
        // A world kept with --data remembers the zone its days are summed in, so that serving it later says so.
        await _world.RecordReportTimeZoneAsync(zone.Id, cancellationToken).ConfigureAwait(false);

        var workload = WorkloadPlan.Generate(w, cancellationToken);
        var clock = new SimulatedClock(StartOf(w.FirstDay, zone));
        var faults = _options.FaultPlan;
        var stream = new LocalStream(new LocalStreamOptions { ShardCount = _options.Shards, Seed = w.Seed, Faults = faults.IsEnabled ? faults : null });
        var table = new RecordingRewardsTable(new DynamoRewardItemStore(dynamo, _world.Options.RewardsTable), stream, clock);
        var settings = new AggregatorSettings { AggregatesTable = _world.Options.AggregatesTable, ReportTimeZone = zone };
        var aggregates = _aggregates(dynamo, settings.AggregatesTable, clock);
        var ledgers = new DynamoDayLedgerReader(dynamo, settings.AggregatesTable, zone);
        var log = new SkippedRecordLog();
        var function = new AggregatorFunction(
            settings, aggregates, clock, LambdaProcessOutput.For(log, LambdaLogFormat.Json, clock).Log);
        await using var api = DemoTotalsApi.Start(dynamo, settings.AggregatesTable, zone, clock);
        var driver = new StreamDriver(stream, api.Watching(function), _options.Delivery, faults, clock);
        using var finalizerLog = new StringWriter();
        var finalizer = new DemoFinalizer(new DemoEnvironment(_world, dynamo, s3, clock, zone, finalizerLog));
        var finalizing = new FinalizationTracker(finalizer, table, settings.Schema, zone, clock,
            new DateInterval(w.FirstDay.PlusDays(-finalizer.RecheckDays), w.FirstDay.PlusDays(w.Days - 1)));

        long written = 0, streamed = 0;
        var runner = new WorkloadRunner(table, _options.WriterLanes);
        runner.OperationDone += () =>
        {
            var done = Interlocked.Increment(ref written);
            if (done % 250 == 0 || done == workload.Operations.Count)
            {
                Report(DemoStage.Writing, done, workload.Operations.Count);
            }
        };
        driver.BatchDone += records => Report(DemoStage.Streaming, Interlocked.Add(ref streamed, records), stream.RecordCount);

        Report(DemoStage.Writing, 0, workload.Operations.Count); // before the first write: a small phase may report done only at the end
        var lateRecords = new Dictionary<LocalDate, int>();
        var finalizerRuns = w.Days * 2; // each day on schedule, then each day again after the late writes
        for (var phase = 0; phase < workload.PhaseCount; phase++)
        {
            var operations = workload.Phase(phase);
            await runner.RunAsync(operations, cancellationToken).ConfigureAwait(false);
            CountLate(stream.Commit(), w.FirstDay.PlusDays(phase), settings.Schema, zone, lateRecords);
            var isLatePhase = phase == workload.LatePhase;
            if (isLatePhase)
            {
                clock.Set(operations.Select(o => o.At.ToDateTimeOffset()).DefaultIfEmpty(StartOf(w.FirstDay.PlusDays(phase), zone)).Max().AddMinutes(5));
                await driver.DrainAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The day is streamed before it ends (the totals API's /today is that day), finalized at 00:05 the next.
                var today = w.FirstDay.PlusDays(phase);
                clock.Set(StartOf(today.PlusDays(1), zone).AddMinutes(-5));
                api.Streaming(today);
                await driver.DrainAsync(cancellationToken).ConfigureAwait(false);
                await api.DrainedAsync(today, await ledgers.ReadRunningTotalsAsync(today, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                clock.Set(StartOf(today.PlusDays(1), zone).AddMinutes(5));
            }

            if (!isLatePhase)
            {
                await finalizing.RunAsync(null, cancellationToken).ConfigureAwait(false); // the 00:05 schedule: yesterday
                Report(DemoStage.Finalizing, finalizing.Runs, finalizerRuns);
                continue;
            }

            foreach (var day in w.DaysCovered)
            {
                clock.Set(clock.GetUtcNow().AddMinutes(1));
                await finalizing.RunAsync(day, cancellationToken).ConfigureAwait(false);
                Report(DemoStage.Finalizing, finalizing.Runs, finalizerRuns);
            }
        }

        Report(DemoStage.Verifying, 0, 1);
        var verifier = new DemoVerifier(dynamo, _world.Options.RewardsTable, ledgers, settings.Schema, zone, finalizer);
        var (days, verified) = await verifier.VerifyAsync(w, table, stream, log, driver, finalizing, lateRecords, finalizerLog.ToString(), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DemoCheck> checks = [.. verified, api.TodayCheck(), await api.CheckDaysAsync(days, cancellationToken).ConfigureAwait(false)];
        Report(DemoStage.Verifying, 1, 1);

        var counters = driver.Counters;
        var figures = new DemoFigures(
            table.Writes, stream.RecordCount, stream.PoisonCount, counters.Invocations, counters.Retries, counters.Bisections,
            counters.PartialBatchRetries, counters.DuplicateDeliveries, counters.CrashesBeforeResponse + counters.CrashesMidBatch,
            counters.Throttles, function.Table.EntriesAlreadyApplied, function.Table.Writes, function.Table.Reads,
            log.Skips.Select(s => s.SequenceNumber).Distinct().Count(), counters.RecordsSentToOnFailureDestination, finalizing.Runs,
            elapsed.Elapsed);
        return new DemoResult(_options, days, checks, figures);
    }

    /// <summary>Counts, per day, the records that changed it after its scheduled finalization (records of later phases).</summary>
    private static void CountLate(IReadOnlyList<StreamRecord> records, LocalDate writtenOn, RewardImageSchema schema, DateTimeZone zone, Dictionary<LocalDate, int> late)
    {
        foreach (var record in records.Where(r => !r.TtlExpiry))
        {
            var days = new HashSet<LocalDate>();
            AddDay(record.OldImage);
            AddDay(record.NewImage);
            foreach (var day in days.Where(d => d < writtenOn))
            {
                late[day] = late.GetValueOrDefault(day) + 1;
            }

            void AddDay(Dictionary<string, AttributeValue>? image)
            {
                if (image is not null && RewardItems.Evaluate(image, schema) is { IsValid: true } valid)
                {
                    days.Add(valid.DayIn(zone));
                }
            }
        }
    }

    private static DateTimeOffset StartOf(LocalDate day, DateTimeZone zone) => day.AtStartOfDayInZone(zone).ToDateTimeOffset();

    private void Report(DemoStage stage, long done, long total) => _progress?.Invoke(new DemoProgress(stage, done, total));
}
