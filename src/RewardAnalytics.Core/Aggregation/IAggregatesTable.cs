using NodaTime;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>The aggregates table as the stream aggregator and the totals readers see it.</summary>
public interface IAggregatesTable
{
    /// <summary>
    /// Adds a day group to item <c>DAY#&lt;day&gt; / SHARD#&lt;shard&gt;</c> under its sequence watermark: applied at most
    /// once however often the group is delivered (see docs/runtime-contract.md, "Delivery").
    /// </summary>
    Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken);

    /// <summary>The day's running totals: a consistent query summing every shard and correction item of the day.</summary>
    Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken);

    /// <summary>True when an error from this table is worth a retry of the batch (throttling, 5xx, timeouts).</summary>
    bool IsTransient(Exception error);
}
