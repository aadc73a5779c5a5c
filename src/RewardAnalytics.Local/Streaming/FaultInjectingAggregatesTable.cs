using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// Wraps the aggregates table the aggregator writes to: counts every request that reached it (also those of
/// invocations that later crashed), and, when the driver arms a fault for a shard's next invocation, makes that
/// invocation's first day write either throttle (without writing) or write and then kill the function.
/// </summary>
public sealed class FaultInjectingAggregatesTable : IAggregatesTable
{
    private readonly IAggregatesTable _inner;
    private readonly ConcurrentDictionary<string, InjectedFault> _armed = new(StringComparer.Ordinal);
    private long _writes;
    private long _reads;
    private long _entriesApplied;
    private long _entriesAlreadyApplied;
    private long _entriesBeyondHistory;

    /// <summary>Wraps <paramref name="inner"/>; no fault is armed until <see cref="Arm"/>.</summary>
    public FaultInjectingAggregatesTable(IAggregatesTable inner) => _inner = inner;

    /// <summary>The wrapped table.</summary>
    public IAggregatesTable Inner => _inner;

    /// <summary>UpdateItem requests made (conditional retries included).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Consistent reads of a watermark after a condition failed.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Entries the table applied (counted once each).</summary>
    public long EntriesApplied => Interlocked.Read(ref _entriesApplied);

    /// <summary>Entries a redelivery brought again that the watermark recognized and did not count twice.</summary>
    public long EntriesAlreadyApplied => Interlocked.Read(ref _entriesAlreadyApplied);

    /// <summary>Entries redelivered older than their item's applied history (assumed applied, logged).</summary>
    public long EntriesBeyondHistory => Interlocked.Read(ref _entriesBeyondHistory);

    /// <summary>Arms a fault for the shard's next invocation (one invocation at a time per shard).</summary>
    public void Arm(string shardId, InjectedFault fault)
    {
        if (fault is InjectedFault.Throttle or InjectedFault.CrashMidBatch)
        {
            _armed[shardId] = fault;
        }
    }

    /// <summary>Disarms any fault still armed for the shard.</summary>
    public void Disarm(string shardId) => _armed.TryRemove(shardId, out _);

    /// <summary><inheritdoc/></summary>
    public async Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        _armed.TryRemove(shardId, out var fault);
        if (fault == InjectedFault.Throttle)
        {
            throw new ProvisionedThroughputExceededException(
                $"Injected throttling of {AggregateItemCodec.Day(group.Day)} / {AggregateItemCodec.Shard(shardId)} (after the SDK's own retries).");
        }

        var result = await _inner.ApplyAsync(shardId, group, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _writes, result.Writes);
        Interlocked.Add(ref _reads, result.Reads);
        Interlocked.Add(ref _entriesApplied, result.EntriesApplied);
        Interlocked.Add(ref _entriesAlreadyApplied, result.EntriesAlreadyApplied);
        Interlocked.Add(ref _entriesBeyondHistory, result.EntriesBeyondHistory);
        if (fault == InjectedFault.CrashMidBatch)
        {
            throw new SimulatedCrashException(
                $"Injected crash of the function after writing {AggregateItemCodec.Day(group.Day)} / {AggregateItemCodec.Shard(shardId)}, before its other writes and its response.");
        }

        return result;
    }

    /// <summary><inheritdoc/></summary>
    public bool IsTransient(Exception error) => error is not SimulatedCrashException && _inner.IsTransient(error);
}
