using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Demo;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Lambda;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>What one schedule came to: how many stream records it delivered and every way it differed from the truth.</summary>
public sealed record ScheduleOutcome(
    int Records, IReadOnlyList<string> Problems, IReadOnlyList<string> Attempts, DeliveryCounters Counters, int ChildShards, int PoisonRecords, long EntriesBeyondHistory = 0)
{
    public bool Matches => Problems.Count == 0;

    public string Describe() =>
        $"{string.Join("\n", Problems)}\ndelivery attempts (shard, sequence numbers, attempt, fault → result):\n  {string.Join("\n  ", Attempts)}";
}

/// <summary>
/// Plays one <see cref="ScheduleCase"/>: the workload goes to an in-memory rewards table that records the stream,
/// the <see cref="StreamDriver"/> delivers it to the aggregator's real entry point under the schedule and its fault
/// plan, writing to a fresh aggregates table on dynalite; then every day's running totals are read back with the
/// real consistent Query and compared, exactly, with two independent truths: the final table state plus the
/// TTL-expired images, and the sum of the deltas of the applied history. The records logged as skipped must be
/// exactly the records whose new image cannot be read (poison records included), and nothing may be given up.
/// </summary>
public static class ScheduleRun
{
    public static async Task<ScheduleOutcome> RunAsync(
        ScheduleCase schedule, IAmazonDynamoDB dynamo, Func<IAggregatesTable, IAggregatesTable>? plantedBug, CancellationToken ct)
    {
        var tableName = $"schedule-{Guid.NewGuid():N}";
        await LocalAwsWorld.CreateAggregatesTableAsync(dynamo, tableName, ct);
        try
        {
            return await PlayAsync(schedule, dynamo, tableName, plantedBug, ct);
        }
        finally
        {
            await dynamo.DeleteTableAsync(tableName, CancellationToken.None);
        }
    }

    private static async Task<ScheduleOutcome> PlayAsync(
        ScheduleCase schedule, IAmazonDynamoDB dynamo, string tableName, Func<IAggregatesTable, IAggregatesTable>? plantedBug, CancellationToken ct)
    {
        var zone = schedule.Zone;
        var clock = new SimulatedClock(ScheduleCase.StreamStart);
        var stream = new LocalStream(schedule.StreamOptions);
        var rewards = new RecordingRewardsTable(new InMemoryRewardItemStore(), stream, clock);
        var settings = new AggregatorSettings { AggregatesTable = tableName, ReportTimeZone = zone };
        var aggregates = new DynamoAggregatesWriter(dynamo, tableName, clock);
        var log = new SkippedRecordLog();
        var function = new AggregatorFunction(settings, plantedBug is null ? aggregates : plantedBug(aggregates), clock, LambdaProcessOutput.For(log, LambdaLogFormat.Json, clock).Log);
        var driver = new StreamDriver(stream, function, schedule.Delivery, schedule.FaultPlan, clock);

        var at = ScheduleCase.StreamStart;
        var now = at;
        long order = 0;
        foreach (var step in schedule.Steps)
        {
            if (step.Kind == StepKind.Drain)
            {
                now = Later(now, at.AddSeconds(step.Lag));
                clock.Set(now);
                await driver.DrainAsync(ct);
                continue;
            }

            at = Later(at, now).AddSeconds(step.Gap);
            await ApplyAsync(rewards, step, zone, ++order, at, ct);
        }

        clock.Set(Later(now, at).AddHours(1)); // every window is over: each gets its final invoke
        await driver.DrainAsync(ct);

        var problems = new List<string>();
        await CompareTotalsAsync(new DynamoDayLedgerReader(dynamo, tableName, zone), rewards, stream, settings, problems, ct);
        CompareSkips(stream, log, settings, problems);
        if (driver.OnFailureDestination.Count > 0)
        {
            problems.Add($"{driver.OnFailureDestination.Count} record(s) were given up on (sent to the on-failure destination)");
        }

        var attempts = problems.Count == 0 ? [] : driver.Attempts.Select(Describe).ToArray();
        return new ScheduleOutcome(
            stream.RecordCount, problems, attempts, driver.Counters, stream.Shards.Count(s => s.ParentShardId is not null), stream.PoisonCount,
            function.Table.EntriesBeyondHistory);
    }

    private static async Task CompareTotalsAsync(
        DynamoDayLedgerReader ledgers, RecordingRewardsTable rewards, LocalStream stream, AggregatorSettings settings, List<string> problems, CancellationToken ct)
    {
        var zone = settings.ReportTimeZone;
        var finalState = new GroundTruthTally(zone, ScheduleCase.Days).Tally(rewards.CurrentItems.Concat(rewards.ExpiredItems), settings.Schema);
        // The whole stream through the aggregator's own fold, each record once: what exactly-once delivery must add up to.
        var history = RecordFold.DailyDeltas(stream.Records, settings.Schema, zone);
        foreach (var day in ScheduleCase.Days)
        {
            var truth = finalState.For(day);
            var applied = history.GetValueOrDefault(day);
            var running = await ledgers.ReadRunningTotalsAsync(day, ct);
            if (applied != truth)
            {
                problems.Add($"{IsoDate.Format(day)}: the applied history sums to {applied} but the final table state (with TTL history) to {truth}");
            }

            if (running != truth)
            {
                problems.Add($"{IsoDate.Format(day)}: running totals {running}, ground truth {truth}");
            }
        }
    }

    private static void CompareSkips(LocalStream stream, SkippedRecordLog log, AggregatorSettings settings, List<string> problems)
    {
        var unreadable = stream.Records
            .Where(r => RecordFold.ToChange(r, settings.Schema).SkipReason != SkipReason.None)
            .Select(r => r.SequenceNumber)
            .ToHashSet(StringComparer.Ordinal);
        var skipped = log.Skips.Select(s => s.SequenceNumber).ToHashSet(StringComparer.Ordinal);
        if (!unreadable.SetEquals(skipped))
        {
            problems.Add(
                $"skipped records differ from the unreadable ones: not reported {string.Join(", ", unreadable.Except(skipped))}; " +
                $"reported but readable {string.Join(", ", skipped.Except(unreadable))}");
        }
    }

    private static async Task ApplyAsync(RecordingRewardsTable table, WorkloadStep step, NodaTime.DateTimeZone zone, long order, DateTimeOffset at, CancellationToken ct)
    {
        var key = new Dictionary<string, AttributeValue> { ["rewardId"] = new() { S = step.RewardId } };
        switch (step.Kind)
        {
            case StepKind.Put:
                await table.PutAsync(new Dictionary<string, AttributeValue>
                {
                    ["rewardId"] = new() { S = step.RewardId },
                    ["type"] = new() { S = step.Type },
                    ["amount"] = new() { N = step.Amount.ToString(CultureInfo.InvariantCulture) },
                    ["createdAt"] = ScheduleCase.CreatedAtValue(step, zone),
                }, order, at, ct);
                break;
            case StepKind.Update:
                var set = new Dictionary<string, AttributeValue>();
                if (step.Fields.HasFlag(UpdatedFields.Amount))
                {
                    set["amount"] = new() { N = step.Amount.ToString(CultureInfo.InvariantCulture) };
                }

                if (step.Fields.HasFlag(UpdatedFields.Type))
                {
                    set["type"] = new() { S = step.Type };
                }

                if (step.Fields.HasFlag(UpdatedFields.CreatedAt))
                {
                    set["createdAt"] = ScheduleCase.CreatedAtValue(step, zone);
                }

                await table.UpdateAsync(key, set, order, at, ct);
                break;
            case StepKind.Delete:
                await table.DeleteAsync(key, order, at, ct);
                break;
            case StepKind.Expire:
                await table.ExpireAsync(key, order, at, ct);
                break;
            case StepKind.PutMalformed:
                await table.PutAsync(MalformedRewards.Create(step.Shape, step.RewardId, ScheduleCase.CreatedAt(step).ToDateTimeOffset()), order, at, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "not a write");
        }
    }

    private static string Describe(DeliveryAttempt a) =>
        $"{a.ShardId[^8..]} {Short(a.FirstSequenceNumber)}..{Short(a.LastSequenceNumber)} ({a.RecordCount} records{(a.IsFinalInvokeForWindow ? ", final for window" : "")}) " +
        $"attempt {a.Attempt}, {a.Fault} → {a.Result}{(a.Detail is null ? "" : ": " + a.Detail)}";

    private static string Short(string? sequenceNumber) => sequenceNumber is null ? "-" : "…" + sequenceNumber[^6..];

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
