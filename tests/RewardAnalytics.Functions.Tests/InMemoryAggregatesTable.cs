using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Stream;

namespace RewardAnalytics.Functions.Tests;

/// <summary>
/// The aggregates table in memory, with the same watermark rule as DynamoDB's conditional update: a group is applied
/// only above the (day, shard) item's last sequence number. Days can be told to fail, transiently or not.
/// </summary>
internal sealed class InMemoryAggregatesTable : IAggregatesTable
{
    private readonly Dictionary<(LocalDate Day, string Shard), (DailyTotals Totals, SequenceNumber LastSequence)> _items = [];
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
        var pending = _items.TryGetValue(key, out var item) && item.LastSequence >= group.FirstSequence ? group.Above(item.LastSequence) : group;
        if (pending is null)
        {
            return Task.FromResult(new WatermarkWrite(1, 1, 0, group.EntryCount));
        }

        _items[key] = (item.Totals + pending.Delta, pending.LastSequence);
        Writes.Add((shardId, group.Day, pending.Delta));
        return Task.FromResult(new WatermarkWrite(1, pending == group ? 0 : 1, pending.EntryCount, group.EntryCount - pending.EntryCount));
    }

    public Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Where(i => i.Key.Day == day).Aggregate(DailyTotals.Zero, (sum, i) => sum + i.Value.Totals));

    public bool IsTransient(Exception error) => error is TimeoutException;
}
