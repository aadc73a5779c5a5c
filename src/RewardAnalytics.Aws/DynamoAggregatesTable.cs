using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Stream;
using static RewardAnalytics.Core.Aggregation.AggregateKeys;

namespace RewardAnalytics.Aws;

/// <summary>
/// The aggregates table on DynamoDB. Each (day, shard) item is advanced by one conditional <c>UpdateItem</c> that
/// adds a batch's delta only if the item's sequence watermark is below the batch's first record; when that
/// condition fails it reads the watermark (consistent read), keeps the records above it and retries on the
/// observed watermark. No transactions, no per-event writes.
/// </summary>
public sealed class DynamoAggregatesTable : IAggregatesTable
{
    private const int MaxConditionRetries = 8;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly TimeProvider _clock;

    public DynamoAggregatesTable(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock)
    {
        _dynamo = dynamo;
        _tableName = tableName;
        _clock = clock;
    }

    public string TableName => _tableName;

    public async Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        var key = Key(Day(group.Day), Shard(shardId));
        DayGroup? pending = group;
        string? observed = null;
        var writes = 0;
        var reads = 0;
        for (var attempt = 0; attempt <= MaxConditionRetries; attempt++)
        {
            try
            {
                writes++;
                await _dynamo.UpdateItemAsync(BuildUpdate(key, pending, observed), cancellationToken).ConfigureAwait(false);
                return new WatermarkWrite(writes, reads, pending.EntryCount, group.EntryCount - pending.EntryCount);
            }
            catch (ConditionalCheckFailedException)
            {
                // Part of this group was applied by an earlier delivery: keep only what lies above its watermark.
                reads++;
                var item = await _dynamo.GetItemAsync(new GetItemRequest
                {
                    TableName = _tableName,
                    Key = key,
                    ConsistentRead = true,
                    ProjectionExpression = LastSequence,
                }, cancellationToken).ConfigureAwait(false);
                observed = item.Item is { } found && found.TryGetValue(LastSequence, out var seq) ? seq.S : null;
                pending = observed is null ? group : group.Above(SequenceNumber.FromPaddedString(observed));
                if (pending is null)
                {
                    return new WatermarkWrite(writes, reads, 0, group.EntryCount);
                }
            }
        }

        throw new InvalidOperationException(
            $"The watermark of {Day(group.Day)} / {Shard(shardId)} kept moving during {MaxConditionRetries} conditional retries: " +
            "is the event source mapping's ParallelizationFactor above 1?");
    }

    private UpdateItemRequest BuildUpdate(Dictionary<string, AttributeValue> key, DayGroup group, string? observedWatermark)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":ti"] = Number(group.Delta.TotalIssued),
            [":tr"] = Number(group.Delta.TotalRedeemed),
            [":ic"] = Number(group.Delta.IssuedCount),
            [":rc"] = Number(group.Delta.RedeemedCount),
            [":last"] = new() { S = group.LastSequence.ToPaddedString() },
            [":now"] = new() { S = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
        };
        var add = $"ADD {TotalIssued} :ti, {TotalRedeemed} :tr, {IssuedCount} :ic, {RedeemedCount} :rc";
        if (!group.Expired.IsZero)
        {
            add += $", {ExpiredIssued} :ei, {ExpiredRedeemed} :er, {ExpiredIssuedCount} :eic, {ExpiredRedeemedCount} :erc";
            values[":ei"] = Number(group.Expired.TotalIssued);
            values[":er"] = Number(group.Expired.TotalRedeemed);
            values[":eic"] = Number(group.Expired.IssuedCount);
            values[":erc"] = Number(group.Expired.RedeemedCount);
        }

        string condition;
        if (observedWatermark is null)
        {
            condition = $"attribute_not_exists({LastSequence}) OR {LastSequence} < :first";
            values[":first"] = new AttributeValue { S = group.FirstSequence.ToPaddedString() };
        }
        else
        {
            condition = $"{LastSequence} = :observed";
            values[":observed"] = new AttributeValue { S = observedWatermark };
        }

        return new UpdateItemRequest
        {
            TableName = _tableName,
            Key = key,
            UpdateExpression = $"{add} SET {LastSequence} = :last, {UpdatedAt} = :now",
            ConditionExpression = condition,
            ExpressionAttributeValues = values,
        };
    }

    public async Task<DailyTotals> ReadRunningTotalsAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var totals = DailyTotals.Zero;
        await foreach (var item in QueryDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            if (item.TryGetValue(AggregateKeys.SortKey, out var sk) && sk.S is { } sortKey && CountsTowardTotals(sortKey))
            {
                totals += ReadTotals(item);
            }
        }

        return totals;
    }

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

    public bool IsTransient(Exception error) => AwsErrors.IsTransient(error);

    /// <summary>Reads the four counters of an aggregates item (absent counters are zero).</summary>
    public static DailyTotals ReadTotals(IReadOnlyDictionary<string, AttributeValue> item) => new(
        ReadDecimal(item, TotalIssued),
        ReadDecimal(item, TotalRedeemed),
        (long)ReadDecimal(item, IssuedCount),
        (long)ReadDecimal(item, RedeemedCount));

    /// <summary>The TTL-expiry tally of a shard item (absent counters are zero).</summary>
    public static DailyTotals ReadExpired(IReadOnlyDictionary<string, AttributeValue> item) => new(
        ReadDecimal(item, ExpiredIssued),
        ReadDecimal(item, ExpiredRedeemed),
        (long)ReadDecimal(item, ExpiredIssuedCount),
        (long)ReadDecimal(item, ExpiredRedeemedCount));

    /// <summary>The four counters as attribute values, for items written whole (corrections, FINAL).</summary>
    public static Dictionary<string, AttributeValue> TotalsAttributes(DailyTotals totals) => new()
    {
        [TotalIssued] = Number(totals.TotalIssued),
        [TotalRedeemed] = Number(totals.TotalRedeemed),
        [IssuedCount] = Number(totals.IssuedCount),
        [RedeemedCount] = Number(totals.RedeemedCount),
    };

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [PartitionKey] = new AttributeValue { S = pk },
        [AggregateKeys.SortKey] = new AttributeValue { S = sk },
    };

    private static decimal ReadDecimal(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is { } n
            ? decimal.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0m;

    private static AttributeValue Number(decimal value) => new() { N = FormatNumber(value) };
}
