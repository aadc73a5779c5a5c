using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Stream;

namespace RewardAnalytics.Local.Tests;

/// <summary>
/// A planted bug: when a redelivery brings records the watermark already applied, this table counts the group again
/// (under another item, so the watermark cannot stop it), the classic double count of an at-least-once stream.
/// </summary>
internal sealed class DoubleCountingAggregatesTable(IAggregatesTable inner) : IAggregatesTable
{
    private int _replays;

    public int Replays => _replays;

    public async Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        var result = await inner.ApplyAsync(shardId, group, cancellationToken);
        if (result.EntriesAlreadyApplied > 0)
        {
            await inner.ApplyAsync($"{shardId}-replay-{Interlocked.Increment(ref _replays)}", group, cancellationToken);
        }

        return result;
    }

    public Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken) => inner.ReadRunningTotalsAsync(day, cancellationToken);

    public bool IsTransient(Exception error) => inner.IsTransient(error);
}
