using System.Globalization;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Aws;

/// <summary>
/// The aggregates table's item layout on DynamoDB: partition <c>pk = DAY#yyyy-MM-dd</c>; sort key <c>SHARD#&lt;shardId&gt;</c> for
/// each shard's running counters, <c>CORRECTION</c> for a reconcile fix, <c>FINAL</c> for the finalized day; and one
/// bookkeeping item <c>SERVICE</c> / <c>FIRST_DAY</c>, the first day the finalizer found data for.
/// </summary>
public static class AggregateItem
{
    /// <summary>Partition key attribute: <c>DAY#yyyy-MM-dd</c> (see <see cref="Day"/>).</summary>
    public const string PartitionKey = "pk";
    /// <summary>Sort key attribute: <c>SHARD#&lt;shardId&gt;</c>, <see cref="Correction"/> or <see cref="Final"/>.</summary>
    public const string SortKey = "sk";
    /// <summary>Sort key prefix of a shard's running-counter item.</summary>
    public const string ShardPrefix = "SHARD#";
    /// <summary>Sort key of the item <c>reconcile --fix</c> writes so a day's shard items plus it equal the scanned truth.</summary>
    public const string Correction = "CORRECTION";
    /// <summary>Sort key of the finalized day's item (the revision the published report was made from).</summary>
    public const string Final = "FINAL";

    /// <summary>Issued amount counter (exact decimal).</summary>
    public const string TotalIssued = "total_issued";
    /// <summary>Redeemed amount counter (exact decimal).</summary>
    public const string TotalRedeemed = "total_redeemed";
    /// <summary>Number of issued rewards counted.</summary>
    public const string IssuedCount = "issued_count";
    /// <summary>Number of redeemed rewards counted.</summary>
    public const string RedeemedCount = "redeemed_count";

    /// <summary>On FINAL items: the finalized net, as the report gives it.</summary>
    public const string NetRewards = "net_rewards";
    /// <summary>On shard items: the highest sequence number applied, zero-padded (the watermark the conditional write compares).</summary>
    public const string LastSequence = "lastSeq";

    /// <summary>On shard items: what TTL expiries removed from the rewards table (history the totals still count).</summary>
    public const string ExpiredIssued = "expired_issued";
    /// <summary>On shard items: redeemed amount removed by TTL expiry.</summary>
    public const string ExpiredRedeemed = "expired_redeemed";
    /// <summary>On shard items: number of issued rewards removed by TTL expiry.</summary>
    public const string ExpiredIssuedCount = "expired_issued_count";
    /// <summary>On shard items: number of redeemed rewards removed by TTL expiry.</summary>
    public const string ExpiredRedeemedCount = "expired_redeemed_count";
    /// <summary>When the item was last written (ISO-8601 instant, from the injected clock).</summary>
    public const string UpdatedAt = "updatedAt";

    /// <summary>
    /// On shard, CORRECTION and FINAL items: the IANA id of the report time zone the day was summed in (a shard item keeps
    /// the zone of its first write). A reader running in another zone refuses the day.
    /// </summary>
    public const string ReportTimeZone = "reportTimeZone";

    /// <summary>Partition key of the service's own bookkeeping item (not a day).</summary>
    public const string ServicePartition = "SERVICE";
    /// <summary>Sort key of the item holding the first day the finalizer found data for (attribute <c>date</c>).</summary>
    public const string FirstDay = "FIRST_DAY";

    /// <summary>On shard items: how many writes the item has had (the condition of a write that read the item first).</summary>
    public const string WriteCount = "writes";

    /// <summary>On shard items: slot <paramref name="index"/> of the applied history (<c>h0</c> newest; see <see cref="AppliedHistory"/>).</summary>
    public static string HistorySlot(int index) => "h" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Partition key value of a day: <c>DAY#yyyy-MM-dd</c>.</summary>
    public static string Day(LocalDate day) => "DAY#" + IsoDate.Format(day);

    /// <summary>Sort key value of a shard's item: <c>SHARD#&lt;shardId&gt;</c>.</summary>
    public static string Shard(string shardId) => ShardPrefix + shardId;

    /// <summary>A DynamoDB number string for an exact decimal (invariant culture; zero as <c>0</c>).</summary>
    public static string FormatNumber(decimal value) => value == 0m ? "0" : value.ToString(CultureInfo.InvariantCulture);
}
