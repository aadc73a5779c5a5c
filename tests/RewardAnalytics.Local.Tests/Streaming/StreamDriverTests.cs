using System.Numerics;
using System.Text.Json;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Local.Tests.Streaming;

/// <summary>The local stream and its delivery, without emulators: order, sequence numbers, rollover, retries, faults.</summary>
public sealed class StreamDriverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_shard_delivers_its_records_once_in_order_with_increasing_sequence_numbers()
    {
        var (_, stream, _, clock) = await StreamScenario.RecordAsync(seed: 7);
        var function = new RecordingFunction();
        var driver = new StreamDriver(stream, function, new DeliverySchedule { BatchSize = 25 }, FaultPlan.None, clock);

        await driver.DrainAsync();

        foreach (var shard in stream.Shards)
        {
            var delivered = function.RecordsOf(shard.ShardId);
            Assert.Equal(shard.Records.Select(r => r.EventId), delivered.Select(r => r.EventId));
            var numbers = delivered.Select(r => BigInteger.Parse(r.SequenceNumber, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.All(numbers.Zip(numbers.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second} on {shard.ShardId}"));
            Assert.All(delivered, r => Assert.InRange(r.SequenceNumber.Length, 21, 40));
        }

        Assert.Equal(stream.RecordCount, function.Invocations.Sum(i => i.Records.Count));
        Assert.All(function.Invocations, i => Assert.InRange(i.Records.Count, 0, 25));
        Figures.Print(output, $"driver_order shards={stream.Shards.Count} records={stream.RecordCount} invocations={driver.Counters.Invocations}");
    }

    [Fact]
    public async Task A_full_shard_rolls_over_to_a_child_that_is_delivered_after_its_parent()
    {
        var (_, stream, _, clock) = await StreamScenario.RecordAsync(seed: 11, shards: 2, recordsPerShard: 100);
        var function = new RecordingFunction();
        await new StreamDriver(stream, function, new DeliverySchedule { ParallelShards = 1 }, FaultPlan.None, clock).DrainAsync();

        var children = stream.Shards.Where(s => s.ParentShardId is not null).ToArray();
        Assert.NotEmpty(children);
        Assert.All(stream.Shards.Where(s => s != stream.Shards.Last(l => l.Partition == s.Partition)), s => Assert.True(s.IsClosed));
        var order = function.Invocations.Select(i => i.ShardId).Distinct().ToList();
        Assert.All(children, child => Assert.True(order.IndexOf(child.ParentShardId!) < order.IndexOf(child.ShardId)));
        // A key lives in one partition: every record of it is on that partition's shards.
        var partitionsPerKey = stream.Shards.SelectMany(s => s.Records.Select(r => (Key: r.Keys["rewardId"].S, s.Partition))).Distinct().GroupBy(p => p.Key);
        Assert.All(partitionsPerKey, g => Assert.Single(g));
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_is_bisected_in_halves_until_the_bad_record_is_alone()
    {
        var (_, stream, _, clock) = await StreamScenario.RecordAsync(seed: 3, rewards: 3_000, days: 1, shards: 1, recordsPerShard: 10_000);
        stream.Commit();
        var shard = stream.Shards.Single();
        var window = shard.Records.GroupBy(r => r.ApproximateCreationDateTime.ToUnixTimeSeconds() / 900).First(g => g.Count() >= 16);
        var bad = window.ElementAt(5).SequenceNumber;
        var function = new RecordingFunction(i => i.Records.Any(r => r.SequenceNumber == bad)
            ? throw new InvalidOperationException("cannot handle this record")
            : StreamFunctionResponse.Success);
        var driver = new StreamDriver(stream, function, new DeliverySchedule { BatchSize = 16, MaximumRetryAttempts = 6 }, FaultPlan.None, clock);

        await driver.DrainAsync();

        var failing = driver.Attempts.Where(a => a.Result == DeliveryResult.FunctionError).Select(a => a.RecordCount).ToArray();
        Assert.Equal([16, 8, 4, 2, 1, 1, 1], failing);
        Assert.Equal(bad, Assert.Single(driver.OnFailureDestination).SequenceNumber);
        var succeeded = driver.Attempts.Where(a => a.Result == DeliveryResult.Success).ToArray();
        Assert.Equal(stream.RecordCount - 1, succeeded.Sum(a => a.RecordCount));
        Figures.Print(output, $"bisection failing_attempts={string.Join(',', failing)} bisections={driver.Counters.Bisections} given_up={driver.OnFailureDestination.Count}");
    }

    [Fact]
    public async Task A_partial_batch_failure_is_retried_from_the_reported_item()
    {
        var (_, stream, _, clock) = await StreamScenario.RecordAsync(seed: 5, shards: 1, recordsPerShard: 10_000);
        var failedOnce = false;
        string? reported = null;
        var function = new RecordingFunction(i =>
        {
            if (failedOnce || i.Records.Count < 6)
            {
                return StreamFunctionResponse.Success;
            }

            failedOnce = true;
            reported = i.Records[3].SequenceNumber;
            return new StreamFunctionResponse([reported]);
        });
        var driver = new StreamDriver(stream, function, new DeliverySchedule { BatchSize = 50 }, FaultPlan.None, clock);

        await driver.DrainAsync();

        var index = function.Invocations.FindIndex(i => i.Records.Any(r => r.SequenceNumber == reported));
        Assert.Equal(reported, function.Invocations[index + 1].Records[0].SequenceNumber);
        Assert.Equal(1, driver.Counters.PartialBatchRetries);
        Assert.Empty(driver.OnFailureDestination);
    }

    [Fact]
    public async Task The_fault_plan_is_reproducible_from_its_seed()
    {
        var first = await DeliverWithFaultsAsync(seed: 21);
        var again = await DeliverWithFaultsAsync(seed: 21);
        var other = await DeliverWithFaultsAsync(seed: 22);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(first, line => line.Contains(nameof(InjectedFault.DuplicateDelivery), StringComparison.Ordinal));
        Assert.Contains(first, line => line.Contains(nameof(InjectedFault.CrashBeforeResponse), StringComparison.Ordinal));
        Figures.Print(output, $"fault_plan seed=21 attempts={first.Count} faults={first.Count(l => !l.Contains("|None|", StringComparison.Ordinal))}");
    }

    [Fact]
    public async Task Ttl_removals_carry_the_dynamodb_service_identity_in_the_event()
    {
        var (_, stream, table, clock) = await StreamScenario.RecordAsync(seed: 13, rewards: 2_000, days: 4);
        var function = new RecordingFunction();
        await new StreamDriver(stream, function, faults: FaultPlan.None, clock: clock).DrainAsync();

        var identities = function.Invocations
            .SelectMany(i => JsonDocument.Parse(i.Payload).RootElement.GetProperty("Records").EnumerateArray())
            .Where(r => r.TryGetProperty("userIdentity", out _))
            .Select(r => (r.GetProperty("eventName").GetString(), r.GetProperty("userIdentity").GetProperty("principalId").GetString()))
            .ToArray();
        Assert.NotEmpty(identities);
        Assert.Equal(table.ExpiredItems.Count, identities.Length);
        Assert.All(identities, i => Assert.Equal(("REMOVE", "dynamodb.amazonaws.com"), i));
    }

    private static async Task<List<string>> DeliverWithFaultsAsync(long seed)
    {
        var (_, stream, _, clock) = await StreamScenario.RecordAsync(seed: 4, rewards: 1_500);
        var driver = new StreamDriver(stream, new RecordingFunction(), new DeliverySchedule { BatchSize = 10 }, FaultPlan.Default(seed), clock);
        await driver.DrainAsync();
        return driver.Attempts
            .Select(a => $"{a.ShardId}|{a.FirstSequenceNumber}|{a.RecordCount}|{a.Attempt}|{a.Fault}|{a.Result}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
