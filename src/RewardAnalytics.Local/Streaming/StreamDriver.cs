using System.Collections.Concurrent;
using RewardAnalytics.Local.StreamEvents;

namespace RewardAnalytics.Local.Streaming;

/// <summary>
/// The Lambda event source mapping played locally over a <see cref="LocalStream"/>. Each shard's records go to the
/// function in sequence-number order (a child shard only after its parent), in batches of at most
/// <see cref="DeliverySchedule.BatchSize"/> that never span a tumbling window, the window's last batch marked
/// <c>isFinalInvokeForWindow</c>. A function error is retried, bisected when configured; a partial-batch failure is
/// retried from the reported <c>itemIdentifier</c>; the <see cref="FaultPlan"/> adds duplicate deliveries, crashes,
/// bisected halves in reverse order and earlier batches delivered again after newer ones (order is promised only the
/// first time).
/// One implementation for the demo, <c>generate</c> and every test that needs a stream.
/// </summary>
public sealed class StreamDriver
{
    private readonly LocalStream _stream;
    private readonly IStreamFunction _function;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, int> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _openWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<(StreamRecord[] Batch, long Window)>> _recentBatches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeliveryAttempt> _attempts = new();
    private readonly ConcurrentQueue<StreamRecord> _onFailure = new();
    private int _draining;

    /// <summary>A driver delivering <paramref name="stream"/> to <paramref name="function"/> as the event source mapping <paramref name="schedule"/> would (defaults when null), suffering <paramref name="faults"/> (none when null).</summary>
    public StreamDriver(LocalStream stream, IStreamFunction function, DeliverySchedule? schedule = null, FaultPlan? faults = null, TimeProvider? clock = null)
    {
        _stream = stream;
        _function = function;
        Schedule = schedule ?? new DeliverySchedule();
        Schedule.Validate();
        Faults = faults ?? FaultPlan.None;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The event source mapping being played.</summary>
    public DeliverySchedule Schedule { get; }
    /// <summary>The faults deliveries suffer.</summary>
    public FaultPlan Faults { get; }
    /// <summary>What the driver did so far.</summary>
    public DeliveryCounters Counters { get; } = new();

    /// <summary>Every invocation in the order it was made (per shard; shards interleave). Empty unless RecordAttempts.</summary>
    public IReadOnlyList<DeliveryAttempt> Attempts => _attempts.ToArray();

    /// <summary>Records given up on after MaximumRetryAttempts, as Lambda's on-failure destination would receive them.</summary>
    public IReadOnlyList<StreamRecord> OnFailureDestination => _onFailure.ToArray();

    /// <summary>Raised after each batch is done with (retries included), with the number of new records it carried.</summary>
    public event Action<int>? BatchDone;

    /// <summary>Records committed but not delivered yet.</summary>
    public int Backlog => _stream.Shards.Sum(s => s.Records.Count - _cursors.GetValueOrDefault(s.ShardId));

    /// <summary>Commits what was recorded and delivers every record not delivered yet; returns when all shards are drained.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1)
        {
            throw new InvalidOperationException("The stream is already being drained: one DrainAsync at a time (one poller per shard).");
        }

        try
        {
            _stream.Commit();
            var lineages = _stream.Shards.GroupBy(s => s.Partition).Select(g => g.ToArray()).ToArray();
            await Parallel.ForEachAsync(
                lineages,
                new ParallelOptions { MaxDegreeOfParallelism = Schedule.ParallelShards, CancellationToken = cancellationToken },
                async (lineage, ct) =>
                {
                    foreach (var shard in lineage)
                    {
                        await DrainShardAsync(shard, ct).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _draining, 0);
        }
    }

    private async Task DrainShardAsync(LocalShard shard, CancellationToken ct)
    {
        var records = shard.Records;
        var count = records.Count;
        var cursor = _cursors.GetValueOrDefault(shard.ShardId);
        var now = _clock.GetUtcNow();

        // A window left open by the last drain gets its final invoke once it is over: empty if no records came.
        if (_openWindows.TryGetValue(shard.ShardId, out var open)
            && (cursor < count ? WindowOf(records[cursor]) != open : WindowEnd(open) <= now || shard.IsClosed))
        {
            _openWindows.TryRemove(shard.ShardId, out _);
            await DeliverAsync(shard, [], open, isFinal: true, attempt: 0, ct).ConfigureAwait(false);
        }

        while (cursor < count)
        {
            var window = WindowOf(records[cursor]);
            var end = cursor;
            while (end < count && end - cursor < Schedule.BatchSize && WindowOf(records[end]) == window)
            {
                end++;
            }

            var windowOver = end < count ? WindowOf(records[end]) != window : WindowEnd(window) <= now || shard.IsClosed;
            var batch = new StreamRecord[end - cursor];
            for (var i = cursor; i < end; i++)
            {
                batch[i - cursor] = records[i];
            }

            Counters.Delivered(batch.Length);
            await DeliverAsync(shard, batch, window, windowOver, attempt: 0, ct).ConfigureAwait(false);
            await RedeliverAnEarlierBatchAsync(shard, batch, window, ct).ConfigureAwait(false);
            BatchDone?.Invoke(batch.Length);
            cursor = end;
            _cursors[shard.ShardId] = cursor;
            if (windowOver)
            {
                _openWindows.TryRemove(shard.ShardId, out _);
            }
            else
            {
                _openWindows[shard.ShardId] = window;
            }
        }
    }

    /// <summary>Keeps the shard's recent batches; when the fault plan says so, delivers one of the earlier ones again.</summary>
    private async Task RedeliverAnEarlierBatchAsync(LocalShard shard, StreamRecord[] batch, long window, CancellationToken ct)
    {
        var recent = _recentBatches.GetOrAdd(shard.ShardId, _ => []);
        recent.Add((batch, window));
        if (recent.Count > Faults.StaleRedeliveryDepth + 1)
        {
            recent.RemoveAt(0);
        }

        var back = Faults.StaleRedeliveryAfter(shard.ShardId, batch[0].SequenceNumber, batch.Length);
        if (back == 0 || back >= recent.Count)
        {
            return;
        }

        Counters.StaleRedelivery();
        var (earlier, earlierWindow) = recent[^(back + 1)];
        await DeliverAsync(shard, earlier, earlierWindow, isFinal: false, attempt: 0, ct).ConfigureAwait(false);
    }

    /// <summary>Delivers one batch until it succeeds or is given up on: retries, bisection, partial-batch retries.</summary>
    private async Task DeliverAsync(LocalShard shard, StreamRecord[] batch, long window, bool isFinal, int attempt, CancellationToken ct)
    {
        if (attempt == 0 && Schedule.BisectBatchOnFunctionError && Faults.BisectsToMaximumDepth(shard.ShardId, batch.Length > 0 ? batch[0].SequenceNumber : string.Empty, batch.Length))
        {
            var levels = await DeliverBisectedToFirstRecordAsync(shard, batch, window, isFinal, ct).ConfigureAwait(false);
            Counters.MaximumDepthBisection(Faults.MaximumDepthUpperHalfFirst, levels);
            return;
        }

        while (true)
        {
            var fault = Faults.Decide(shard.ShardId, batch.Length > 0 ? batch[0].SequenceNumber : string.Empty, batch.Length, attempt);
            var (result, detail) = await InvokeAsync(shard, batch, window, isFinal, attempt, fault, ct).ConfigureAwait(false);
            if (fault == InjectedFault.DuplicateDelivery && result == DeliveryResult.Success)
            {
                // Lambda did not see the response in time and delivers the same batch again.
                (result, detail) = await InvokeAsync(shard, batch, window, isFinal, attempt, InjectedFault.None, ct).ConfigureAwait(false);
            }

            if (result == DeliveryResult.Success)
            {
                return;
            }

            Counters.Retry();
            attempt++;
            if ((fault is InjectedFault.None or InjectedFault.DuplicateDelivery) && Schedule.RetryBackoff > TimeSpan.Zero && attempt <= Schedule.MaximumRetryAttempts)
            {
                await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
            }
            if (result == DeliveryResult.PartialFailure && IndexOf(batch, detail) is var index and >= 0)
            {
                Counters.PartialBatchRetry();
                if (attempt > Schedule.MaximumRetryAttempts)
                {
                    GiveUp(batch[index..]);
                    return;
                }

                batch = batch[index..]; // the records before the reported one are checkpointed
                continue;
            }

            Counters.FunctionError();
            if (attempt > Schedule.MaximumRetryAttempts)
            {
                GiveUp(batch);
                return;
            }

            if (Schedule.BisectBatchOnFunctionError && batch.Length > 1)
            {
                Counters.Bisection();
                var half = batch.Length / 2;
                if (Faults.ReversesHalves(shard.ShardId, batch[0].SequenceNumber, batch.Length, attempt))
                {
                    Counters.ReversedBisection();
                    await DeliverAsync(shard, batch[half..], window, isFinal, attempt, ct).ConfigureAwait(false);
                    await DeliverAsync(shard, batch[..half], window, isFinal: false, attempt, ct).ConfigureAwait(false);
                    return;
                }

                await DeliverAsync(shard, batch[..half], window, isFinal: false, attempt, ct).ConfigureAwait(false);
                await DeliverAsync(shard, batch[half..], window, isFinal, attempt, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>
    /// The deepest bisection: the slice with the batch's first record fails (before any write) at every level and is
    /// halved, the first record kept in the larger half, down to that record alone; the other half of every level goes
    /// before it or after it as the fault plan says, and is delivered as usual. Returns the number of levels.
    /// </summary>
    private async Task<int> DeliverBisectedToFirstRecordAsync(LocalShard shard, StreamRecord[] slice, long window, bool isFinal, CancellationToken ct)
    {
        if (slice.Length == 1)
        {
            await DeliverAsync(shard, slice, window, isFinal, attempt: 1, ct).ConfigureAwait(false);
            return 0;
        }

        var (result, _) = await InvokeAsync(shard, slice, window, isFinal, attempt: 0, InjectedFault.FailBeforeWrite, ct).ConfigureAwait(false);
        if (result != DeliveryResult.FunctionError)
        {
            throw new InvalidOperationException($"an injected failure before any write returned {result}");
        }

        Counters.Retry();
        Counters.FunctionError();
        Counters.Bisection();
        var lower = (slice.Length + 1) / 2;
        if (Faults.MaximumDepthUpperHalfFirst)
        {
            Counters.ReversedBisection();
            await DeliverAsync(shard, slice[lower..], window, isFinal, attempt: 1, ct).ConfigureAwait(false);
            return 1 + await DeliverBisectedToFirstRecordAsync(shard, slice[..lower], window, isFinal: false, ct).ConfigureAwait(false);
        }

        var levels = 1 + await DeliverBisectedToFirstRecordAsync(shard, slice[..lower], window, isFinal: false, ct).ConfigureAwait(false);
        await DeliverAsync(shard, slice[lower..], window, isFinal, attempt: 1, ct).ConfigureAwait(false);
        return levels;
    }

    private async Task<(DeliveryResult Result, string? Detail)> InvokeAsync(
        LocalShard shard, StreamRecord[] batch, long window, bool isFinal, int attempt, InjectedFault fault, CancellationToken ct)
    {
        var payload = StreamRecord.WriteEvent(
            shard.ShardId, batch, DateTimeOffset.FromUnixTimeSeconds(window), WindowEnd(window), isFinal, _stream.Options.StreamArn);
        Counters.Invocation(isFinal, batch.Length);
        Counters.Injected(fault);
        DeliveryResult result;
        string? detail;
        try
        {
            if (fault == InjectedFault.FailBeforeWrite)
            {
                throw new SimulatedCrashException("Injected function error before any aggregate write.");
            }

            var response = await _function.InvokeAsync(new StreamInvocation(shard.ShardId, payload, batch, isFinal, fault), ct).ConfigureAwait(false);
            if (fault == InjectedFault.CrashBeforeResponse)
            {
                (result, detail) = (DeliveryResult.FunctionError, "injected crash after the function's writes, before its response");
            }
            else if (response.BatchItemFailures.Count > 0)
            {
                // Lambda retries from the lowest reported sequence number.
                (result, detail) = (DeliveryResult.PartialFailure, response.BatchItemFailures
                    .OrderBy(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).First());
            }
            else
            {
                (result, detail) = (DeliveryResult.Success, null);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            (result, detail) = (DeliveryResult.FunctionError, $"{ex.GetType().Name}: {ex.Message}");
        }

        if (Schedule.RecordAttempts)
        {
            _attempts.Enqueue(new DeliveryAttempt(
                shard.ShardId, batch.Length > 0 ? batch[0].SequenceNumber : null, batch.Length > 0 ? batch[^1].SequenceNumber : null,
                batch.Length, attempt, isFinal, fault, result, detail));
        }

        return (result, detail);
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = Schedule.RetryBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay < Schedule.MaxRetryBackoff ? delay : Schedule.MaxRetryBackoff;
    }

    private void GiveUp(StreamRecord[] records)
    {
        Counters.SentToOnFailureDestination(records.Length);
        foreach (var record in records)
        {
            _onFailure.Enqueue(record);
        }
    }

    private static int IndexOf(StreamRecord[] batch, string? sequenceNumber) =>
        sequenceNumber is null ? -1 : Array.FindIndex(batch, r => r.SequenceNumber == sequenceNumber);

    private long WindowOf(StreamRecord record)
    {
        var size = (long)Schedule.TumblingWindow.TotalSeconds;
        var seconds = record.ApproximateCreationDateTime.ToUnixTimeSeconds();
        return seconds - (((seconds % size) + size) % size);
    }

    private DateTimeOffset WindowEnd(long windowStart) => DateTimeOffset.FromUnixTimeSeconds(windowStart).Add(Schedule.TumblingWindow);
}
