using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using static RewardAnalytics.Aws.Aggregates.AggregateItemCodec;

namespace RewardAnalytics.Aws.Aggregates;

/// <summary>
/// Reads a day of the aggregates table back with one consistent query: its shard items, correction and <c>FINAL</c>
/// item sorted into a <see cref="DayLedger"/> (refused when they were summed in another report time zone than
/// <see cref="Zone"/>), or the running totals alone. Reads only; items are decoded by <see cref="AggregateItemCodec"/>.
/// </summary>
public sealed class DynamoDayLedgerReader : IDayLedgerReader
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly DateTimeZone _zone;

    /// <summary>The aggregates table <paramref name="tableName"/>, read in the report time zone <paramref name="zone"/> (<c>REPORT_TIME_ZONE</c>).</summary>
    public DynamoDayLedgerReader(IAmazonDynamoDB dynamo, string tableName, DateTimeZone zone)
    {
        _dynamo = dynamo;
        _tableName = tableName;
        _zone = zone;
    }

    /// <summary>Name of the aggregates table.</summary>
    public string TableName => _tableName;

    /// <summary>The report time zone this reader reads days in.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>The day's ledger from one consistent query.</summary>
    /// <exception cref="ReportTimeZoneMismatchException">The day's items were summed in another report time zone than <see cref="Zone"/>.</exception>
    /// <exception cref="UnreadableDayException">An item of the day holds a value this service cannot have written.</exception>
    public async Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) =>
        (await ReadLedgerAsync(day, readFinal: true, cancellationToken).ConfigureAwait(false)).InZone(day, _zone);

    /// <summary>The day's running totals: <see cref="DayLedger.RunningTotals"/> of its shard and correction items (the <c>FINAL</c> item is not read).</summary>
    /// <exception cref="UnreadableDayException">An item of the day holds a sum or count this service cannot have written.</exception>
    public async Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken) =>
        (await ReadLedgerAsync(day, readFinal: false, cancellationToken).ConfigureAwait(false)).RunningTotals;

    /// <summary>
    /// The day's items, read with one consistent query and sorted into its ledger: shard items (counters and TTL tally),
    /// the correction, and the FINAL item when <paramref name="readFinal"/> is set. Every stored sum is read exactly
    /// and kept within <see cref="AmountBounds"/>, so no sum here overflows or rounds.
    /// </summary>
    private async Task<DayLedger> ReadLedgerAsync(LocalDate day, bool readFinal, CancellationToken cancellationToken)
    {
        var shards = DailyTotals.Zero;
        var expired = DailyTotals.Zero;
        DailyTotals? correction = null;
        FinalizedDay? final = null;
        var zones = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var item in QueryDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            var sk = item.TryGetValue(SortKey, out var value) ? value.S : null;
            if (sk is null)
            {
                continue;
            }

            count++;
            if (item.TryGetValue(ReportTimeZone, out var zone) && zone.S is { Length: > 0 } zoneId)
            {
                zones.Add(zoneId);
            }

            if (sk.StartsWith(ShardPrefix, StringComparison.Ordinal))
            {
                shards = Add(day, sk, "the shard items' sum", shards, ReadTotals(day, item));
                expired = Add(day, sk, "the shard items' TTL tally", expired, ReadExpired(day, item));
            }
            else if (sk == Correction)
            {
                correction = ReadTotals(day, item);
            }
            else if (sk == Final && readFinal)
            {
                final = DecodeFinal(day, item);
            }
        }

        var ledger = new DayLedger(shards, correction, final) { Expired = expired, ItemCount = count, Zones = zones };
        _ = Add(day, Correction, "the shard items plus the correction", shards, correction ?? DailyTotals.Zero);
        return ledger;
    }

    private static DailyTotals Add(LocalDate day, string sk, string what, DailyTotals a, DailyTotals b) =>
        AmountBounds.TryAdd(a, b, out var sum)
            ? sum
            : throw new UnreadableDayException(day, $"{what} reaches 10^22 or more at item {Day(day)} / {sk} (a day's sums stay below it)");

    /// <summary>Every item of one day (shards, correction, FINAL), read with one consistent, paginated query.</summary>
    public async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryDayAsync(
        LocalDate day, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.QueryAsync(new QueryRequest
            {
                TableName = _tableName,
                KeyConditionExpression = $"{PartitionKey} = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = Day(day) } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
    }
}
