using NodaTime;
using RewardAnalytics.Core.Logging;
using RewardAnalytics.Core.Metrics;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// The stream aggregator's logic: read one tumbling-window batch into changes, fold them into per-day deltas, write each day once under
/// its (day, shard) watermark, log every skipped record and one EMF line. Thread-safe; holds no per-call state.
/// </summary>
public sealed class StreamAggregation
{
    private readonly IAggregatesTable _table;
    private readonly TimeProvider _clock;
    private readonly JsonLog _jsonLog;
    private readonly StreamEventReader _reader;
    private readonly ChangeFold _fold;
    private readonly EmfWriter _metrics;

    /// <summary>The aggregation over <paramref name="table"/>: reads images by the settings' schema, files days in their report time zone, logs and writes EMF to <paramref name="log"/>.</summary>
    public StreamAggregation(AggregatorSettings settings, IAggregatesTable table, TimeProvider clock, TextWriter log)
    {
        _table = table;
        _clock = clock;
        _jsonLog = new JsonLog(log, clock);
        _reader = new StreamEventReader(settings.Schema);
        _fold = new ChangeFold(settings.ReportTimeZone);
        _metrics = new EmfWriter(log, settings.MetricsEnvironment);
    }

    /// <summary>
    /// Handles one invocation. Throws <see cref="StreamEventFormatException"/> for a payload that is not a stream
    /// event, and rethrows non-transient table errors, so Lambda retries the batch; transient write failures that
    /// outlast the SDK's retries are reported as a batch item failure at the first record not yet applied.
    /// </summary>
    public async Task<AggregationOutcome> HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        StreamChangeBatch batch;
        FoldedBatch folded;
        using (batch = _reader.Read(payload.Span))
        {
            // The changes go back to the pool once folded: the day groups own their entries.
            folded = _fold.Fold(batch.Changes);
        }

        using (folded)
        {
            return await WriteDaysAsync(batch, folded, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AggregationOutcome> WriteDaysAsync(StreamChangeBatch batch, FoldedBatch folded, CancellationToken cancellationToken)
    {
        foreach (var skipped in batch.Skipped)
        {
            LogSkipped(batch.ShardId, skipped);
        }

        var days = folded.Days;
        var writes = await Task.WhenAll(days.Select(day => WriteAsync(batch.ShardId, day, cancellationToken))).ConfigureAwait(false);

        var failed = writes.Where(w => w.Error is not null).ToArray();
        foreach (var write in failed)
        {
            if (!_table.IsTransient(write.Error!))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(write.Error!);
            }
        }

        var failures = failed.Length == 0
            ? []
            : new[] { failed.Select(w => w.Group.FirstSequence).Min().ToString() };
        foreach (var f in failed)
        {
            LogWriteFailure(batch.ShardId, f.Group, f.Error!);
        }

        foreach (var w in writes.Where(w => w.Error is null && w.Result.EntriesBeyondHistory > 0))
        {
            LogBeyondHistory(batch.ShardId, w.Group, w.Result);
        }

        var outcome = new AggregationOutcome(
            batch.ShardId,
            batch.RecordCount,
            batch.Skipped.Count,
            folded.TtlRemovals,
            days.Count,
            writes.Sum(w => w.Result.Writes),
            writes.Sum(w => w.Result.Reads),
            writes.Sum(w => w.Result.EntriesAlreadyApplied),
            failures)
        {
            EntriesBeyondHistory = writes.Sum(w => w.Result.EntriesBeyondHistory),
            // Only what committed: a failed group is retried, and counted when it commits.
            ChangesApplied = writes.Where(w => w.Error is null).Sum(w => w.Result.ChangesApplied),
            ChangesDuplicate = writes.Where(w => w.Error is null).Sum(w => w.Group.ChangeCount - w.Result.ChangesApplied),
            AppliedDelta = writes.Where(w => w.Error is null).Aggregate(DailyTotals.Zero, (sum, w) => sum + w.Result.AppliedDelta),
        };
        WriteMetrics(outcome, batch.Skipped);
        return outcome;
    }

    private async Task<(DayGroup Group, WatermarkWrite Result, Exception? Error)> WriteAsync(string shardId, DayGroup group, CancellationToken ct)
    {
        try
        {
            return (group, await _table.ApplyAsync(shardId, group, ct).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (group, default, ex);
        }
    }

    private void LogSkipped(string shardId, SkippedRecord record)
    {
        _jsonLog.Write("WARN", "stream record skipped", json =>
        {
            json.WriteString("reason", record.Reason.Name());
            json.WriteString("eventID", record.EventId);
            json.WriteString("eventName", record.EventName);
            json.WriteString("sequenceNumber", record.SequenceNumber);
            json.WriteString("shardId", shardId);
            json.WritePropertyName("keys");
            json.WriteRawValue(record.KeysJson, skipInputValidation: false);
            if (record.Problem is { } problem)
            {
                json.WriteString("problem", problem);
            }
        });
    }

    private void LogWriteFailure(string shardId, DayGroup group, Exception error)
    {
        _jsonLog.Write("ERROR", "aggregate write failed; the batch is retried from its first unapplied record", json =>
        {
            json.WriteString("shardId", shardId);
            json.WriteString("day", group.Day.ToString("yyyy-MM-dd", null));
            json.WriteString("firstSequenceNumber", group.FirstSequence.ToString());
            json.WriteString("error", $"{error.GetType().Name}: {error.Message}");
        });
    }

    private void LogBeyondHistory(string shardId, DayGroup group, WatermarkWrite write)
    {
        _jsonLog.Write("WARN", "redelivered records older than the item's applied history: assumed already applied, not counted again", json =>
        {
            json.WriteString("shardId", shardId);
            json.WriteString("day", IsoDate.Format(group.Day));
            json.WriteNumber("records", write.EntriesBeyondHistory);
            json.WriteString("firstSequenceNumber", write.BeyondHistory?.First.ToString());
            json.WriteString("lastSequenceNumber", write.BeyondHistory?.Last.ToString());
            json.WriteString("recovery", $"if these records were never applied, the day's totals are low: run reward-analytics reconcile --from {IsoDate.Format(group.Day)} --to {IsoDate.Format(group.Day)} --fix");
        });
    }

    private void WriteMetrics(AggregationOutcome outcome, IReadOnlyList<SkippedRecord> skipped)
    {
        var metrics = new List<EmfMetric>
        {
            new(AggregatorMetricNames.RecordsReceived, outcome.RecordsReceived, MetricUnit.Count),
            new(AggregatorMetricNames.RecordsApplied, outcome.ChangesApplied, MetricUnit.Count),
            new(AggregatorMetricNames.RecordsDuplicate, outcome.ChangesDuplicate, MetricUnit.Count),
            new(AggregatorMetricNames.RecordsSkipped, outcome.RecordsSkipped, MetricUnit.Count),
            new(AggregatorMetricNames.TtlRemovalsIgnored, outcome.TtlRemovals, MetricUnit.Count),
            new(AggregatorMetricNames.DaysTouched, outcome.DaysTouched, MetricUnit.Count),
            new(AggregatorMetricNames.AggregateWrites, outcome.Writes, MetricUnit.Count),
            new(AggregatorMetricNames.BatchItemFailures, outcome.BatchItemFailures.Count, MetricUnit.Count),
            new(AggregatorMetricNames.RedeliveredBeyondHistory, outcome.EntriesBeyondHistory, MetricUnit.Count),
            // The intraday flow: what this invocation's committed writes added, at processing time (the line's timestamp).
            new(AggregatorMetricNames.IssuedAmountApplied, outcome.AppliedDelta.TotalIssued, MetricUnit.None),
            new(AggregatorMetricNames.RedeemedAmountApplied, outcome.AppliedDelta.TotalRedeemed, MetricUnit.None),
            new(AggregatorMetricNames.IssuedCountApplied, outcome.AppliedDelta.IssuedCount, MetricUnit.Count),
            new(AggregatorMetricNames.RedeemedCountApplied, outcome.AppliedDelta.RedeemedCount, MetricUnit.Count),
        };
        foreach (var group in skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key))
        {
            metrics.Add(new EmfMetric(AggregatorMetricNames.RecordsSkippedByReasonPrefix + group.Key.Name(), group.Count(), MetricUnit.Count));
        }

        _metrics.Write(Instant.FromDateTimeOffset(_clock.GetUtcNow()), metrics, [new("shardId", outcome.ShardId), new("function", "stream-aggregator")]);
    }
}
