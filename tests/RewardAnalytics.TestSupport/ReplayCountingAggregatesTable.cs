using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.TestSupport;

/// <summary>
/// A planted bug that ignores the watermark's verdict: when a redelivery brings entries the (day, shard) watermark
/// already applied, it applies the group again under another item, where no watermark can stop it: the classic
/// double count of an at-least-once stream. The property must catch it.
/// </summary>
public sealed class ReplayCountingAggregatesTable(IAggregatesTable inner) : IAggregatesTable
{
    private int _replays;

    public int Replays => Volatile.Read(ref _replays);

    public async Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        var result = await inner.ApplyAsync(shardId, group, cancellationToken);
        if (result.EntriesAlreadyApplied > 0)
        {
            await inner.ApplyAsync($"{shardId}-replay-{Interlocked.Increment(ref _replays)}", group, cancellationToken);
        }

        return result;
    }

    public bool IsTransient(Exception error) => inner.IsTransient(error);
}
