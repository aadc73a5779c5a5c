using Amazon.DynamoDBv2;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Aws.IntegrationTests.Aggregates;

/// <summary>The exactly-once watermark on the real wire protocol (dynalite through the AWS SDK).</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DynamoAggregatesWriterTests : IDisposable
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoAggregatesWriter _table;
    private readonly DynamoDayLedgerReader _ledgers;
    private readonly StreamAggregation _aggregation;
    private readonly StringWriter _log = new();

    public DynamoAggregatesWriterTests(LocalAwsFixture fixture)
    {
        var world = fixture.World;
        _dynamo = world.CreateDynamoDb();
        // Each test writes its own days (a fresh table name) so tests never see each other's counters.
        var tableName = $"aggregates-{Guid.NewGuid():N}";
        LocalAwsWorld.CreateAggregatesTableAsync(_dynamo, tableName, default).GetAwaiter().GetResult();
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 12, 0, 0, TimeSpan.Zero));
        _table = new DynamoAggregatesWriter(_dynamo, tableName, clock);
        _ledgers = new DynamoDayLedgerReader(_dynamo, tableName, DateTimeZone.Utc);
        _aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = tableName }, _table, clock, _log);
    }

    private static StreamRecord[] Rewards(int from, int to) => Enumerable.Range(from, to - from + 1)
        .Select(i => Insert(i, Item($"r{i}", i % 3 == 0 ? "REDEEMED" : "ISSUED", $"{i}.25", "2023-11-15T10:00:00Z")))
        .ToArray();

    private static DailyTotals Expected(int from, int to) => Enumerable.Range(from, to - from + 1)
        .Aggregate(DailyTotals.Zero, (t, i) => t + DailyTotals.Of(i % 3 == 0 ? RewardKind.Redeemed : RewardKind.Issued, i + 0.25m));

    private Task<AggregationOutcome> Deliver(string shard, params StreamRecord[] records) =>
        _aggregation.HandleAsync(Event(shard, records), CancellationToken.None);

    [Fact]
    public async Task The_same_batch_delivered_twice_counts_once()
    {
        var batch = Rewards(1, 5);
        await Deliver(ShardA, batch);
        var second = await Deliver(ShardA, batch);

        Assert.Equal(Expected(1, 5), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal(5, second.EntriesAlreadyApplied);
        Assert.Empty(second.BatchItemFailures);
    }

    [Fact]
    public async Task Overlapping_batches_count_each_record_once()
    {
        var all = Rewards(1, 7);
        await Deliver(ShardA, all[0..5]);   // r1–r5
        var overlap = await Deliver(ShardA, all[2..7]); // r3–r7

        Assert.Equal(Expected(1, 7), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal(3, overlap.EntriesAlreadyApplied);
        Assert.Equal(1, overlap.Reads);
    }

    [Fact]
    public async Task A_batch_applied_whole_then_replayed_in_halves_counts_once()
    {
        var all = Rewards(1, 10);
        await Deliver(ShardA, all);
        await Deliver(ShardA, all[..5]);
        await Deliver(ShardA, all[5..]);

        Assert.Equal(Expected(1, 10), await _ledgers.ReadRunningTotalsAsync(Day, default));
    }

    [Fact]
    public async Task A_batch_bisected_into_halves_and_then_redelivered_whole_counts_once()
    {
        var all = Rewards(1, 10);
        await Deliver(ShardA, all[..5]);
        await Deliver(ShardA, all[5..]);
        await Deliver(ShardA, all);

        Assert.Equal(Expected(1, 10), await _ledgers.ReadRunningTotalsAsync(Day, default));
    }

    [Fact]
    public async Task The_halves_of_a_bisected_batch_arriving_in_reverse_order_count_once()
    {
        var all = Rewards(1, 10);
        var second = await Deliver(ShardA, all[5..]); // r6–r10 first: a retry may run out of order
        var first = await Deliver(ShardA, all[..5]);  // r1–r5 were never applied although they are below r10

        Assert.Equal(Expected(1, 10), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal((2, 1, 0), (first.Writes, first.Reads, first.EntriesAlreadyApplied));
        Assert.Equal((1, 0), (second.Writes, second.Reads));
    }

    [Fact]
    public async Task An_older_batch_redelivered_after_as_many_newer_ones_as_the_history_holds_counts_once()
    {
        var batches = Enumerable.Range(0, AppliedHistory.Capacity).Select(b => Rewards((b * 3) + 1, (b * 3) + 3)).ToArray();
        foreach (var batch in batches)
        {
            await Deliver(ShardA, batch);
        }

        var replay = await Deliver(ShardA, batches[0]);

        Assert.Equal(Expected(1, 3 * AppliedHistory.Capacity), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal((3, 0), (replay.EntriesAlreadyApplied, replay.EntriesBeyondHistory));
    }

    [Fact]
    public async Task A_never_applied_half_arriving_after_seven_later_batches_is_still_applied()
    {
        var all = Rewards(1, 26);
        await Deliver(ShardA, all[3..6]);                    // r4–r6 (the second half of a bisected r1–r6)
        for (var b = 0; b < 6; b++)
        {
            await Deliver(ShardA, all[(6 + (b * 3))..(9 + (b * 3))]); // r7–r24 in six later batches
        }

        var late = await Deliver(ShardA, all[..3]);          // r1–r3: below everything, in no applied range

        Assert.Equal(Expected(1, 24), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal((0, 0), (late.EntriesAlreadyApplied, late.EntriesBeyondHistory));
    }

    [Fact]
    public async Task A_redelivery_older_than_the_history_is_not_counted_again_and_is_logged_with_its_range()
    {
        var batches = Enumerable.Range(0, AppliedHistory.Capacity + 2).Select(b => Rewards((b * 2) + 1, (b * 2) + 2)).ToArray();
        foreach (var batch in batches)
        {
            await Deliver(ShardA, batch);
        }

        var replay = await Deliver(ShardA, batches[0]); // its range has left the history

        Assert.Equal(Expected(1, 2 * batches.Length), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal((0, 2), (replay.EntriesAlreadyApplied, replay.EntriesBeyondHistory));
        var line = Assert.Single(_log.ToString().Split('\n'), l => l.Contains("older than the item's applied history", StringComparison.Ordinal));
        Assert.Contains($"\"firstSequenceNumber\":\"{Sequence(1)}\",\"lastSequenceNumber\":\"{Sequence(2)}\"", line, StringComparison.Ordinal);
        var emf = EmfLine.ParseAll(_log.ToString())[^1];
        Assert.Equal(2m, emf.Value(Core.Metrics.AggregatorMetricNames.RedeliveredBeyondHistory));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(AppliedHistory.MaxBatchSize)]
    public async Task A_batch_bisected_with_the_upper_half_first_at_every_level_counts_every_record(int batchSize)
    {
        // Earlier batches fill the history first, so its floor is in play when the bisection begins.
        var earlier = Rewards(1, 2 * AppliedHistory.Capacity);
        foreach (var batch in earlier.Chunk(2))
        {
            await Deliver(ShardA, batch);
        }

        var from = earlier.Length + 1;
        var all = Rewards(from, from + batchSize - 1);
        // Lambda bisects the failing batch down to its first record (kept in the larger half, so the path is as deep as
        // it gets); at every level the upper half goes, and commits, first.
        var outcomes = new List<AggregationOutcome>();
        var slice = all;
        while (slice.Length > 1)
        {
            var lower = (slice.Length + 1) / 2;
            outcomes.Add(await Deliver(ShardA, slice[lower..]));
            slice = slice[..lower];
        }

        var last = await Deliver(ShardA, slice); // the first record: below every range the bisection applied

        Assert.Equal(AppliedHistory.BisectionDepth(batchSize), outcomes.Count);
        Assert.Equal((0, 0), (last.EntriesAlreadyApplied, last.EntriesBeyondHistory));
        Assert.Equal(Expected(1, from + batchSize - 1), await _ledgers.ReadRunningTotalsAsync(Day, default));
    }

    [Fact]
    public async Task A_full_history_written_when_it_held_eight_ranges_keeps_its_floor_through_in_order_writes()
    {
        // Ten batches through an item of the old layout: eight slots h0..h7, all ranges, the two oldest pushed out.
        var batches = Enumerable.Range(0, 10).Select(b => Rewards((b * 2) + 1, (b * 2) + 2)).ToArray();
        var item = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>(AggregateItemCodec.Key(AggregateItemCodec.Day(Day), AggregateItemCodec.Shard(ShardA)))
        {
            [AggregateItemCodec.LastSequence] = new() { S = SequenceNumber.Parse(Sequence(20)).ToPaddedString() },
            [AggregateItemCodec.WriteCount] = new() { N = "10" },
        };
        foreach (var (total, name) in AggregateItemCodec.TotalsAttributes(Expected(1, 20)).Select(kv => (kv.Value, kv.Key)))
        {
            item[name] = total;
        }

        for (var slot = 0; slot < AppliedHistory.LegacyCapacity; slot++)
        {
            item[AggregateItemCodec.HistorySlot(slot)] = new() { S = $"{Sequence(19 - (slot * 2))}-{Sequence(20 - (slot * 2))}" };
        }

        await _dynamo.PutItemAsync(_table.TableName, item);
        await Deliver(ShardA, Rewards(21, 22));              // in order, by this version: the slots shift into h8 and past it

        var replay = await Deliver(ShardA, batches[0]);      // older than the old history: it was applied, it stays counted once

        Assert.Equal(Expected(1, 22), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal((0, 2), (replay.EntriesAlreadyApplied, replay.EntriesBeyondHistory));
    }

    [Fact]
    public async Task In_order_batches_cost_one_write_each_and_no_read()
    {
        var outcomes = new List<AggregationOutcome>();
        for (var b = 0; b < 12; b++)
        {
            outcomes.Add(await Deliver(ShardA, Rewards((b * 5) + 1, (b * 5) + 5)));
        }

        Assert.Equal(Expected(1, 60), await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.All(outcomes, o => Assert.Equal((1, 0), (o.Writes, o.Reads)));
    }

    [Fact]
    public async Task Two_shards_writing_the_same_day_add_up()
    {
        await Deliver(ShardA, Rewards(1, 4));
        await Deliver(ShardB, Rewards(5, 9));

        Assert.Equal(Expected(1, 9), await _ledgers.ReadRunningTotalsAsync(Day, default));
    }

    [Fact]
    public async Task A_modify_that_moves_a_reward_to_another_day_moves_its_amount_across_day_items()
    {
        var before = Item("r1", "ISSUED", "10.5", "2023-11-15T23:59:59Z");
        var after = Item("r1", "REDEEMED", "4", "2023-11-16T00:00:00Z");
        await Deliver(ShardA, Insert(1, before), Modify(2, before, after));
        await Deliver(ShardA, Insert(1, before), Modify(2, before, after));

        Assert.Equal(DailyTotals.Zero, await _ledgers.ReadRunningTotalsAsync(Day, default));
        Assert.Equal(new DailyTotals(0m, 4m, 0, 1), await _ledgers.ReadRunningTotalsAsync(Day.PlusDays(1), default));
    }

    [Fact]
    public async Task Decimal_sums_stay_exact_through_the_table()
    {
        var tenths = Enumerable.Range(1, 10).Select(i => Insert(i, Item($"r{i}", "ISSUED", "0.1", "2023-11-15T08:00:00Z"))).ToArray();
        await Deliver(ShardA, tenths[..3]);
        await Deliver(ShardA, tenths[3..]);
        // The largest amount that counts (AmountBounds): 18 significant digits, added exactly by DynamoDB's ADD.
        await Deliver(ShardA, Insert(11, Item("big", "ISSUED", "999999999999.999999", "2023-11-15T08:00:00Z")));

        var totals = await _ledgers.ReadRunningTotalsAsync(Day, default);
        Assert.Equal(1000000000000.999999m, totals.TotalIssued);
        Assert.Equal(11, totals.IssuedCount);
    }

    [Fact]
    public async Task An_empty_final_invoke_writes_nothing()
    {
        var outcome = await Deliver(ShardA);

        Assert.Equal(0, outcome.Writes);
        Assert.Equal(DailyTotals.Zero, await _ledgers.ReadRunningTotalsAsync(Day, default));
    }

    public void Dispose()
    {
        _dynamo.Dispose();
        _log.Dispose();
    }
}
