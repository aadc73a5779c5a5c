using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.StreamEvents.Writer;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>The aggregator's logic against an in-memory table: logs, metrics, partial failures.</summary>
public sealed class StreamAggregationTests : IDisposable
{
    private static readonly LocalDate Nov14 = new(2023, 11, 14);
    private static readonly LocalDate Nov15 = new(2023, 11, 15);
    private static readonly LocalDate Nov16 = new(2023, 11, 16);
    private static readonly DateTimeOffset Now = new(2023, 11, 15, 9, 26, 0, TimeSpan.Zero);
    private readonly InMemoryAggregatesTable _table = new();
    private readonly StringWriter _log = new();
    private readonly StreamAggregation _aggregation;

    public StreamAggregationTests()
    {
        _aggregation = new StreamAggregation(
            new AggregatorSettings { AggregatesTable = "aggregates", MetricsEnvironment = "test" }, _table, new FakeTimeProvider(Now), _log);
    }

    private JsonElement[] LogLines() =>
        _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    private JsonElement[] EmfLines() => LogLines().Where(l => l.TryGetProperty("_aws", out _)).ToArray();

    private Task<AggregationOutcome> Deliver(params StreamEventRecord[] records) => _aggregation.HandleAsync(Event(ShardA, records), CancellationToken.None);

    private static StreamEventRecord Reward(long seq, LocalDate day, string amount = "10", string type = "ISSUED") =>
        Insert(seq, Item($"r{seq}", type, amount, $"{day:yyyy-MM-dd}T12:00:00Z"));

    [Fact]
    public async Task Each_skipped_record_is_logged_as_one_JSON_line_with_its_eventID_sequence_number_keys_and_reason()
    {
        await _aggregation.HandleAsync(Fixture("tumbling-window-event.json"), CancellationToken.None);

        var line = Assert.Single(LogLines(), l => l.TryGetProperty("reason", out _));
        Assert.Equal(
            [
                "timestamp=2023-11-15T09:26:00.0000000+00:00", "level=WARN", "message=stream record skipped", "reason=type_unknown",
                "eventID=e4da3b7fbbce2345d7772b0674a318d5", "eventName=INSERT", "sequenceNumber=111000000000000000004",
                "shardId=shardId-00000001700000000000-a1b2c3d4", """keys={"rewardId":{"S":"r-0003"}}""",
            ],
            line.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
    }

    [Fact]
    public async Task One_EMF_line_per_invocation_counts_records_applied_skipped_by_reason_days_and_writes()
    {
        await _aggregation.HandleAsync(Fixture("tumbling-window-event.json"), CancellationToken.None);

        var emf = Assert.Single(EmfLines());
        var directive = emf.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal(Now.ToUnixTimeMilliseconds(), emf.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("LoyaltyPlatform/Rewards", directive.GetProperty("Namespace").GetString());
        Assert.Equal("""[["Environment"]]""", directive.GetProperty("Dimensions").GetRawText());
        var names = directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()!).ToArray();
        // Two days: 2023-11-15's totals, and 2023-11-14 where the TTL expiry is tallied apart (its totals unchanged).
        Assert.Equal(
            [
                ("RecordsReceived", 5), ("RecordsApplied", 3), ("RecordsDuplicate", 0), ("RecordsSkipped", 1), ("TtlRemovalsIgnored", 1),
                ("DaysTouched", 2), ("AggregateWrites", 2), ("BatchItemFailures", 0), ("RedeliveredBeyondHistory", 0),
                ("IssuedAmountApplied", 1500), ("RedeemedAmountApplied", 750), ("IssuedCountApplied", 1), ("RedeemedCountApplied", 1),
                ("RecordsSkipped_type_unknown", 1),
            ],
            names.Select(n => (n, emf.GetProperty(n).GetInt32())));
        Assert.All(
            directive.GetProperty("Metrics").EnumerateArray(),
            m => Assert.Equal(m.GetProperty("Name").GetString()!.EndsWith("AmountApplied", StringComparison.Ordinal) ? "None" : "Count", m.GetProperty("Unit").GetString()));
        Assert.Equal("test", emf.GetProperty("Environment").GetString());
        Assert.Equal("shardId-00000001700000000000-a1b2c3d4", emf.GetProperty("shardId").GetString());
    }

    [Fact]
    public async Task An_empty_final_invoke_still_writes_its_EMF_line_with_zero_counts()
    {
        var outcome = await _aggregation.HandleAsync(Fixture("final-invoke-empty-event.json"), CancellationToken.None);

        var emf = Assert.Single(LogLines());
        Assert.Equal((0, 0, 0), (emf.GetProperty("RecordsReceived").GetInt32(), emf.GetProperty("AggregateWrites").GetInt32(), outcome.DaysTouched));
        Assert.Empty(outcome.BatchItemFailures);
    }

    [Fact]
    public async Task A_transient_failure_of_some_days_names_the_lowest_first_sequence_of_the_failed_groups_while_the_other_day_is_written()
    {
        _table.FailNextWrite(Nov15, new TimeoutException("Rate of requests exceeds the allowed throughput."));
        _table.FailNextWrite(Nov16, new TimeoutException("Rate of requests exceeds the allowed throughput."));

        var outcome = await Deliver(Reward(1, Nov14), Reward(2, Nov16), Reward(3, Nov15), Reward(4, Nov14), Reward(5, Nov16));

        Assert.Equal([Sequence(2)], outcome.BatchItemFailures);
        Assert.Equal([(ShardA, Nov14, new DailyTotals(20m, 0m, 2, 0))], _table.Writes);
        var errors = LogLines().Where(l => l.TryGetProperty("level", out var level) && level.GetString() == "ERROR").ToArray();
        Assert.Equal(
            [(Nov15.ToString("yyyy-MM-dd", null), Sequence(3)), (Nov16.ToString("yyyy-MM-dd", null), Sequence(2))],
            errors.Select(e => (e.GetProperty("day").GetString(), e.GetProperty("firstSequenceNumber").GetString())));
        Assert.Equal("TimeoutException: Rate of requests exceeds the allowed throughput.", errors[0].GetProperty("error").GetString());
        Assert.Equal(1, Assert.Single(EmfLines()).GetProperty("BatchItemFailures").GetInt32());
    }

    [Fact]
    public async Task A_retry_from_the_reported_failure_applies_each_record_once()
    {
        _table.FailNextWrite(Nov16, new TimeoutException("throttled"));
        StreamEventRecord[] batch = [Reward(1, Nov15), Reward(2, Nov16), Reward(3, Nov15, "2.5"), Reward(4, Nov16, "7", "REDEEMED")];

        var first = await Deliver(batch);
        var retry = await Deliver(batch[1..]);

        Assert.Equal([Sequence(2)], first.BatchItemFailures);
        Assert.Empty(retry.BatchItemFailures);
        Assert.Equal(new DailyTotals(12.5m, 0m, 2, 0), await _table.ReadRunningTotalsAsync(Nov15, default));
        Assert.Equal(new DailyTotals(10m, 7m, 1, 1), await _table.ReadRunningTotalsAsync(Nov16, default));
    }

    [Fact]
    public async Task A_retry_from_a_failure_does_not_replay_half_of_a_day_whose_records_cancelled_out()
    {
        var reward = Item("r1", "ISSUED", "10", "2023-11-15T12:00:00Z");
        _table.FailNextWrite(Nov16, new TimeoutException("throttled"));
        StreamEventRecord[] batch = [Insert(1, reward), Reward(2, Nov16, "5"), Remove(3, reward)];

        var first = await Deliver(batch);
        await Deliver(batch[1..]);

        Assert.Equal([Sequence(2)], first.BatchItemFailures);
        Assert.Equal(DailyTotals.Zero, await _table.ReadRunningTotalsAsync(Nov15, default));
        Assert.Equal(new DailyTotals(5m, 0m, 1, 0), await _table.ReadRunningTotalsAsync(Nov16, default));
    }

    [Fact]
    public async Task A_non_transient_failure_propagates_so_that_Lambda_retries_the_whole_batch()
    {
        var denied = new InvalidOperationException("AccessDeniedException: not authorized to perform dynamodb:UpdateItem");
        _table.FailNextWrite(Nov16, denied);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Deliver(Reward(1, Nov15), Reward(2, Nov16)));

        Assert.Same(denied, error);
        Assert.Empty(EmfLines());
    }

    [Fact]
    public async Task The_same_batch_delivered_twice_reports_its_entries_as_already_applied()
    {
        StreamEventRecord[] batch = [Reward(1, Nov15), Reward(2, Nov15, "5")];

        await Deliver(batch);
        var again = await Deliver(batch);

        Assert.Equal((2, 0), (again.EntriesAlreadyApplied, again.BatchItemFailures.Count));
        Assert.Equal(new DailyTotals(15m, 0m, 2, 0), await _table.ReadRunningTotalsAsync(Nov15, default));
    }

    public void Dispose() => _log.Dispose();
}
