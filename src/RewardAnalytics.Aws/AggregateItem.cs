using System.Globalization;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Aws;

/// <summary>
/// The aggregates table's item layout on DynamoDB: partition <c>pk = DAY#yyyy-MM-dd</c>; sort key <c>SHARD#&lt;shardId&gt;</c> for
/// each shard's running counters, <c>CORRECTION</c> for a reconcile fix, <c>FINAL</c> for the finalized day.
/// </summary>
public static class AggregateItem
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string ShardPrefix = "SHARD#";
    public const string Correction = "CORRECTION";
    public const string Final = "FINAL";

    public const string TotalIssued = "total_issued";
    public const string TotalRedeemed = "total_redeemed";
    public const string IssuedCount = "issued_count";
    public const string RedeemedCount = "redeemed_count";

    /// <summary>On FINAL items: the finalized net, as the report gives it.</summary>
    public const string NetRewards = "net_rewards";
    public const string LastSequence = "lastSeq";

    /// <summary>On shard items: what TTL expiries removed from the rewards table (history the totals still count).</summary>
    public const string ExpiredIssued = "expired_issued";
    public const string ExpiredRedeemed = "expired_redeemed";
    public const string ExpiredIssuedCount = "expired_issued_count";
    public const string ExpiredRedeemedCount = "expired_redeemed_count";
    public const string UpdatedAt = "updatedAt";

    /// <summary>On shard items: how many writes the item has had (the condition of a write that read the item first).</summary>
    public const string WriteCount = "writes";

    /// <summary>On shard items: slot <paramref name="index"/> of the applied history (<c>h0</c> newest; see <see cref="AppliedHistory"/>).</summary>
    public static string HistorySlot(int index) => "h" + index.ToString(CultureInfo.InvariantCulture);

    public static string Day(LocalDate day) => "DAY#" + IsoDate.Format(day);

    public static string Shard(string shardId) => ShardPrefix + shardId;

    public static string FormatNumber(decimal value) => value == 0m ? "0" : value.ToString(CultureInfo.InvariantCulture);
}
