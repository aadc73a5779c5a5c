
namespace RewardAnalytics.Core.Aggregation;

/// <summary>The aggregates table as the stream aggregator sees it: the port it writes through (reading days back is <c>IDayLedgerReader</c>'s job).</summary>
public interface IAggregatesTable
{
    /// <summary>
    /// Adds a day group to item <c>DAY#&lt;day&gt; / SHARD#&lt;shard&gt;</c> under its sequence watermark: applied at most
    /// once however often the group is delivered (see docs/runtime-contract.md, "Delivery").
    /// </summary>
    Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken);

    /// <summary>True when an error from this table is worth a retry of the batch (throttling, 5xx, timeouts).</summary>
    bool IsTransient(Exception error);
}
