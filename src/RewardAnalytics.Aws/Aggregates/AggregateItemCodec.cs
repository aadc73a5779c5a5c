using System.Globalization;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Aws.Aggregates;

/// <summary>
/// The aggregates table's item layout on DynamoDB: partition <c>pk = DAY#yyyy-MM-dd</c>; sort key <c>SHARD#&lt;shardId&gt;</c> for
/// each shard's running counters, <c>CORRECTION</c> for a reconcile fix, <c>FINAL</c> for the finalized day; and one
/// bookkeeping item <c>SERVICE</c> / <c>FIRST_DAY</c>, the earliest day the table has data for. The one owner of
/// every attribute name of the table and of how counters, <c>CORRECTION</c> and <c>FINAL</c> items are encoded; the key
/// attribute names come from <see cref="AggregatesKeySchema"/>, which provisioning and the local world share.
/// </summary>
public static class AggregateItemCodec
{
    /// <summary>Partition key attribute: <c>DAY#yyyy-MM-dd</c> (see <see cref="Day"/>).</summary>
    public const string PartitionKey = AggregatesKeySchema.PartitionKey;
    /// <summary>Sort key attribute: <c>SHARD#&lt;shardId&gt;</c>, <see cref="Correction"/> or <see cref="Final"/>.</summary>
    public const string SortKey = AggregatesKeySchema.SortKey;
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
    /// <summary>Sort key of the item holding the earliest day the table has data for (attribute <c>date</c>).</summary>
    public const string FirstDay = "FIRST_DAY";

    /// <summary>On shard items: how many writes the item has had (the condition of a write that read the item first).</summary>
    public const string WriteCount = "writes";

    /// <summary>On shard items: slot <paramref name="index"/> of the applied history (<c>h0</c> newest; see <see cref="AppliedHistory"/>).</summary>
    public static string HistorySlot(int index) => "h" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Partition key value of a day: <c>DAY#yyyy-MM-dd</c>.</summary>
    public static string Day(LocalDate day) => DayPrefix + IsoDate.Format(day);

    /// <summary>The day a partition key value <c>DAY#yyyy-MM-dd</c> names; false for any other partition (<c>SERVICE</c>).</summary>
    public static bool TryReadDay(string? partitionKey, out LocalDate day)
    {
        day = default;
        return partitionKey is not null && partitionKey.StartsWith(DayPrefix, StringComparison.Ordinal) && IsoDate.TryParse(partitionKey[DayPrefix.Length..], out day);
    }

    private const string DayPrefix = "DAY#";

    /// <summary>Sort key value of a shard's item: <c>SHARD#&lt;shardId&gt;</c>.</summary>
    public static string Shard(string shardId) => ShardPrefix + shardId;

    /// <summary>On FINAL items and the first-day item: the day, <c>yyyy-MM-dd</c>.</summary>
    public const string DateAttribute = "date";
    /// <summary>On FINAL items: the report revision (1 for the first publication; each republication adds one).</summary>
    public const string RevisionAttribute = "revision";
    /// <summary>On FINAL items: when the day was finalized (ISO-8601 instant).</summary>
    public const string FinalizedAtAttribute = "finalizedAt";
    /// <summary>On FINAL items: whether <see cref="MetricsNamespaceAttribute"/> holds this revision's totals (false when nothing reached CloudWatch).</summary>
    public const string MetricsPublishedAttribute = "metricsPublished";
    /// <summary>On FINAL items: the CloudWatch namespace the day's metrics were published to (absent when none was).</summary>
    public const string MetricsNamespaceAttribute = "metricsNamespace";
    /// <summary>On FINAL items: the sum of the metrics published to the namespace, when it is not this revision's totals (a map of the four counters).</summary>
    public const string MetricsHeldAttribute = "metricsHeld";
    /// <summary>On FINAL items: how many times the item was committed (the condition of the next commit).</summary>
    public const string CommitsAttribute = "commits";
    /// <summary>On CORRECTION items: what wrote the correction (<c>reconcile --fix</c>).</summary>
    public const string SourceAttribute = "source";

    /// <summary>The primary key of an aggregates item: partition <paramref name="pk"/>, sort <paramref name="sk"/>.</summary>
    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [PartitionKey] = new AttributeValue { S = pk },
        [SortKey] = new AttributeValue { S = sk },
    };

    /// <summary>The four counters as attribute values, for items written whole (corrections, FINAL).</summary>
    public static Dictionary<string, AttributeValue> TotalsAttributes(DailyTotals totals) => new()
    {
        [TotalIssued] = Number(totals.TotalIssued),
        [TotalRedeemed] = Number(totals.TotalRedeemed),
        [IssuedCount] = Number(totals.IssuedCount),
        [RedeemedCount] = Number(totals.RedeemedCount),
    };

    /// <summary>Reads the four counters of an aggregates item of <paramref name="day"/> (absent counters are zero), exactly.</summary>
    /// <exception cref="UnreadableDayException">A counter is not a number within <see cref="AmountBounds"/>, or a count is not a whole number.</exception>
    public static DailyTotals ReadTotals(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item) => new(
        ReadSum(day, item, TotalIssued),
        ReadSum(day, item, TotalRedeemed),
        ReadCount(day, item, IssuedCount),
        ReadCount(day, item, RedeemedCount));

    /// <summary>The TTL-expiry tally of a shard item of <paramref name="day"/> (absent counters are zero), exactly.</summary>
    /// <exception cref="UnreadableDayException">A counter is not a number within <see cref="AmountBounds"/>, or a count is not a whole number.</exception>
    public static DailyTotals ReadExpired(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item) => new(
        ReadSum(day, item, ExpiredIssued),
        ReadSum(day, item, ExpiredRedeemed),
        ReadCount(day, item, ExpiredIssuedCount),
        ReadCount(day, item, ExpiredRedeemedCount));

    /// <summary>
    /// The whole <c>FINAL</c> item of <paramref name="final"/>: key, counters, net, revision, commit count, the report time
    /// zone (<paramref name="zone"/> when the day does not carry one) and the metrics it published or holds.
    /// </summary>
    public static Dictionary<string, AttributeValue> EncodeFinal(FinalizedDay final, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(zone);
        var item = TotalsAttributes(final.Totals);
        foreach (var (name, value) in Key(Day(final.Date), Final))
        {
            item[name] = value;
        }

        item[DateAttribute] = new AttributeValue { S = IsoDate.Format(final.Date) };
        item[NetRewards] = new AttributeValue { N = FormatNumber(final.Totals.NetRewards) };
        item[RevisionAttribute] = new AttributeValue { N = final.Revision.ToString(CultureInfo.InvariantCulture) };
        item[FinalizedAtAttribute] = new AttributeValue { S = InstantPattern.ExtendedIso.Format(final.FinalizedAt) };
        item[MetricsPublishedAttribute] = new AttributeValue { BOOL = final.MetricsPublished };
        item[CommitsAttribute] = new AttributeValue { N = final.Commits.ToString(CultureInfo.InvariantCulture) };
        item[ReportTimeZone] = new AttributeValue { S = final.ReportTimeZone ?? zone.Id };
        if (final.Metrics is { } metrics)
        {
            item[MetricsNamespaceAttribute] = new AttributeValue { S = metrics.Namespace };
            if (!final.MetricsPublished)
            {
                item[MetricsHeldAttribute] = new AttributeValue { M = TotalsAttributes(metrics.Held) };
            }
        }

        return item;
    }

    /// <summary>The finalized day a <c>FINAL</c> item of <paramref name="day"/> records.</summary>
    /// <exception cref="UnreadableDayException">The item has no valid revision, or a counter this service cannot have written.</exception>
    public static FinalizedDay DecodeFinal(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var revision = item.TryGetValue(RevisionAttribute, out var r) && int.TryParse(r.N, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UnreadableDayException(day, $"item {Day(day)} / {Final} has no valid '{RevisionAttribute}' (expected a whole number from 1)");
        var at = item.TryGetValue(FinalizedAtAttribute, out var f) && f.S is { } text && InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : default;
        var totals = ReadTotals(day, item);
        var published = item.TryGetValue(MetricsPublishedAttribute, out var p) && p.BOOL == true;
        // Items written before the namespace was recorded went to the one namespace there was.
        var metricsNamespace = item.TryGetValue(MetricsNamespaceAttribute, out var ns) && ns.S is { Length: > 0 } name ? name
            : published ? FinalizerSettings.DefaultMetricsNamespace : null;
        var held = item.TryGetValue(MetricsHeldAttribute, out var h) && h.M is { } counters ? ReadTotals(day, counters)
            : published ? totals : (DailyTotals?)null;
        var commits = item.TryGetValue(CommitsAttribute, out var c) && long.TryParse(c.N, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        return new FinalizedDay(day, totals, revision, at, metricsNamespace is not null && held is { } sum ? new PublishedMetrics(metricsNamespace, sum) : null)
        {
            Commits = commits,
            ReportTimeZone = item.TryGetValue(ReportTimeZone, out var z) ? z.S : null,
        };
    }

    /// <summary>A DynamoDB number string for an exact decimal (invariant culture; zero as <c>0</c>).</summary>
    public static string FormatNumber(decimal value) => value == 0m ? "0" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A DynamoDB number attribute for an exact decimal.</summary>
    public static AttributeValue Number(decimal value) => new() { N = FormatNumber(value) };

    /// <summary>A stored sum, parsed exactly (never through <see cref="double"/>, never rounded) and within <see cref="AmountBounds.IsDaySum"/>.</summary>
    private static decimal ReadSum(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        if (!item.TryGetValue(name, out var v) || v.N is not { } n)
        {
            return 0m;
        }

        return DynamoNumber.TryParse(System.Text.Encoding.UTF8.GetBytes(n), out var sum, out _) && AmountBounds.IsDaySum(sum)
            ? sum
            : throw Unreadable(day, item, name, n, $"a sum below 10^22 in magnitude with at most {AmountBounds.MaxScale} decimal places");
    }

    private static long ReadCount(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        if (!item.TryGetValue(name, out var v) || v.N is not { } n)
        {
            return 0;
        }

        return long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw Unreadable(day, item, name, n, "a whole number of records");
    }

    private static UnreadableDayException Unreadable(LocalDate day, IReadOnlyDictionary<string, AttributeValue> item, string name, string text, string expected)
    {
        var sk = item.TryGetValue(SortKey, out var key) ? key.S : "?";
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        return new UnreadableDayException(day, $"item {Day(day)} / {sk} has {name} = {shown}: expected {expected}");
    }
}
