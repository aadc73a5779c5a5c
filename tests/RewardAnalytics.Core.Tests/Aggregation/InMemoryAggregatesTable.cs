using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>
/// The aggregates table in memory, with the same rule as the DynamoDB adapter: a group is applied at once above the
/// (day, shard) item's last sequence number, otherwise only its entries the item's applied history has not applied.
/// Days can be told to fail, transiently or not.
/// </summary>
internal sealed class InMemoryAggregatesTable : IAggregatesTable
{
    private readonly Dictionary<(LocalDate Day, string Shard), (DailyTotals Totals, SequenceNumber LastSequence, AppliedHistory History)> _items = [];
    private readonly Dictionary<LocalDate, Queue<Exception>> _failures = [];

    public List<(string Shard, LocalDate Day, DailyTotals Delta)> Writes { get; } = [];

    /// <summary>The next write of <paramref name="day"/> throws <paramref name="error"/> (once per call).</summary>
    public void FailNextWrite(LocalDate day, Exception error)
    {
        if (!_failures.TryGetValue(day, out var queue))
        {
            _failures[day] = queue = new Queue<Exception>();
        }

        queue.Enqueue(error);
    }

    public Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(group.Day, out var queue) && queue.TryDequeue(out var error))
        {
            throw error;
        }

        var key = (group.Day, shardId);
        if (!_items.TryGetValue(key, out var item))
        {
            item = (DailyTotals.Zero, SequenceNumber.MinValue, AppliedHistory.Empty);
        }
        else if (item.LastSequence >= group.FirstSequence)
        {
            var pending = group.Pending(item.History, out var overlap);
            if (pending is not null)
            {
                _items[key] = (item.Totals + pending.Delta, SequenceNumber.Max(item.LastSequence, group.LastSequence), item.History.Add(group.Range));
                Writes.Add((shardId, group.Day, pending.Delta));
            }

            var write = WatermarkWrite.AfterRead(pending is null ? 1 : 2, 1, pending?.EntryCount ?? 0, overlap);
            return Task.FromResult(pending is null ? write : write.Committing(pending));
        }

        _items[key] = (item.Totals + group.Delta, group.LastSequence, item.History.Add(group.Range));
        Writes.Add((shardId, group.Day, group.Delta));
        return Task.FromResult(new WatermarkWrite(1, 0, group.EntryCount, 0).Committing(group));
    }

    public Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Where(i => i.Key.Day == day).Aggregate(DailyTotals.Zero, (sum, i) => sum + i.Value.Totals));

    public bool IsTransient(Exception error) => error is TimeoutException;
}
