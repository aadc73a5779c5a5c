using CsCheck;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.Tests.Aggregation;
using RewardAnalytics.Local.StreamEvents;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Functions.Tests;

/// <summary>
/// The aggregator's intraday flow metrics (IssuedAmountApplied, RedeemedAmountApplied, IssuedCountApplied,
/// RedeemedCountApplied) and RecordsApplied/RecordsDuplicate: only what a committed write added, at processing time.
/// </summary>
public sealed class FlowMetricsTests : IDisposable
{
    private static readonly LocalDate Nov15 = new(2023, 11, 15);
    private static readonly LocalDate Nov16 = new(2023, 11, 16);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 11, 16, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAggregatesTable _table = new();
    private readonly StringWriter _log = new();
    private readonly StreamAggregation _aggregation;

    public FlowMetricsTests() =>
        _aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = "aggregates" }, _table, _clock, _log);

    private async Task<EmfLine> DeliverAsync(params StreamRecord[] records)
    {
        var before = _log.ToString().Length;
        await _aggregation.HandleAsync(Event(ShardA, records), CancellationToken.None);
        return Assert.Single(EmfLine.ParseAll(_log.ToString()[before..]));
    }

    private static StreamRecord Issued(long seq, LocalDate day, string amount) => Insert(seq, Item($"r{seq}", "ISSUED", amount, $"{day:yyyy-MM-dd}T12:00:00Z"));

    private static StreamRecord Redeemed(long seq, LocalDate day, string amount) => Insert(seq, Item($"r{seq}", "REDEEMED", amount, $"{day:yyyy-MM-dd}T12:00:00Z"));

    private static (decimal, decimal, decimal, decimal, decimal, decimal) Flow(EmfLine emf) => (
        emf.Value("IssuedAmountApplied"), emf.Value("RedeemedAmountApplied"), emf.Value("IssuedCountApplied"),
        emf.Value("RedeemedCountApplied"), emf.Value("RecordsApplied"), emf.Value("RecordsDuplicate"));

    [Fact]
    public async Task A_first_delivery_reports_what_it_added_timestamped_at_processing_time_not_at_the_rewards_day()
    {
        var emf = await DeliverAsync(Issued(1, Nov15, "10.25"), Issued(2, Nov16, "5"), Redeemed(3, Nov16, "2.5"));

        Assert.Equal((15.25m, 2.5m, 2m, 1m, 3m, 0m), Flow(emf));
        Assert.Equal(_clock.GetUtcNow(), emf.Time);
    }

    [Fact]
    public async Task A_redelivered_batch_adds_no_flow_and_counts_its_records_as_duplicates()
    {
        StreamRecord[] batch = [Issued(1, Nov15, "10"), Redeemed(2, Nov15, "4"), Issued(3, Nov16, "1")];
        await DeliverAsync(batch);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var replay = await DeliverAsync(batch);

        Assert.Equal((0m, 0m, 0m, 0m, 0m, 3m), Flow(replay));
    }

    [Fact]
    public async Task A_redelivery_with_new_records_reports_only_the_new_ones()
    {
        await DeliverAsync(Issued(1, Nov15, "10"), Issued(2, Nov15, "20"));

        var emf = await DeliverAsync(Issued(1, Nov15, "10"), Issued(2, Nov15, "20"), Issued(3, Nov15, "7.5"), Redeemed(4, Nov16, "1"));

        Assert.Equal((7.5m, 1m, 1m, 1m, 2m, 2m), Flow(emf));
    }

    [Fact]
    public async Task A_removal_is_a_negative_flow_and_a_TTL_expiry_no_flow_at_all()
    {
        var item = Item("r1", "ISSUED", "10", "2023-11-15T12:00:00Z");
        var other = Item("r2", "ISSUED", "3", "2023-11-15T12:00:00Z");
        await DeliverAsync(Insert(1, item), Insert(2, other));

        var emf = await DeliverAsync(Remove(3, item), Remove(4, other, ttl: true));

        Assert.Equal((-10m, 0m, -1m, 0m, 1m, 0m), Flow(emf));
    }

    [Fact]
    public async Task A_day_whose_write_failed_adds_no_flow_until_its_retry_commits()
    {
        _table.FailNextWrite(Nov16, new TimeoutException("throttled"));
        StreamRecord[] batch = [Issued(1, Nov15, "10"), Issued(2, Nov16, "5")];

        var failed = await DeliverAsync(batch);
        var retried = await DeliverAsync(batch);

        Assert.Equal((10m, 0m, 1m, 0m, 1m, 0m), Flow(failed));
        Assert.Equal((5m, 0m, 1m, 0m, 1m, 1m), Flow(retried));
    }

    [Fact]
    public void Under_any_redelivery_schedule_the_flow_adds_up_to_the_running_totals_and_each_record_is_applied_once()
    {
        // Batches of a shard's records delivered in order, each followed by redeliveries of ranges already delivered
        // (retries, bisected halves, partial-batch retries): the flow must count every record exactly once.
        var schedules = Gen.Select(Gen.Int[1, 40], Gen.Int[1, 8], Gen.Int[0, 3].Array[1, 12], Gen.Int[0, 1_000].Array[40]);
        schedules.Sample((records, batchSize, replays, cents) =>
        {
            var table = new InMemoryAggregatesTable();
            using var log = new StringWriter();
            var aggregation = new StreamAggregation(new AggregatorSettings { AggregatesTable = "aggregates" }, table, _clock, log);
            var all = Enumerable.Range(1, records)
                .Select(i => i % 3 == 0 ? Redeemed(i, i % 2 == 0 ? Nov15 : Nov16, $"{cents[i - 1] / 100m}") : Issued(i, i % 2 == 0 ? Nov15 : Nov16, $"{cents[i - 1] / 100m}"))
                .ToArray();
            var random = new Random(records * 31 + batchSize);
            for (var (start, b) = (0, 0); start < records; start += batchSize, b++)
            {
                Deliver(all[start..Math.Min(records, start + batchSize)]);
                for (var r = 0; r < replays[b % replays.Length]; r++)
                {
                    var from = random.Next(0, Math.Min(records, start + batchSize));
                    Deliver(all[from..random.Next(from + 1, Math.Min(records, start + batchSize) + 1)]);
                }
            }

            var emf = EmfLine.ParseAll(log.ToString());
            var running = table.ReadRunningTotalsAsync(Nov15, default).Result + table.ReadRunningTotalsAsync(Nov16, default).Result;
            return emf.Sum(e => e.Value("IssuedAmountApplied")) == running.TotalIssued
                && emf.Sum(e => e.Value("RedeemedAmountApplied")) == running.TotalRedeemed
                && emf.Sum(e => e.Value("IssuedCountApplied")) == running.IssuedCount
                && emf.Sum(e => e.Value("RedeemedCountApplied")) == running.RedeemedCount
                && emf.Sum(e => e.Value("RecordsApplied")) == records
                && running.IssuedCount + running.RedeemedCount == records;

            void Deliver(StreamRecord[] batch) => aggregation.HandleAsync(Event(ShardA, batch), CancellationToken.None).GetAwaiter().GetResult();
        });
    }

    public void Dispose() => _log.Dispose();
}
