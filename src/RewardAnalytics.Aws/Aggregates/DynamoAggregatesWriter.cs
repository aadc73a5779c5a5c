using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Aws.Aggregates.AggregateItemCodec;

namespace RewardAnalytics.Aws.Aggregates;

/// <summary>
/// The aggregates table's writer on DynamoDB, the stream aggregator's port (it only writes; <see cref="DynamoDayLedgerReader"/>
/// reads the days back). Each (day, shard) item is advanced by one conditional <c>UpdateItem</c> that adds
/// a batch's delta only if the item's watermark is below the batch's first record, and pushes the batch's sequence range
/// into the item's applied history (the last few ranges applied). When that condition fails (a redelivery, or records
/// arriving after later ones of the same item) it reads the item consistently, keeps only the records its history has not
/// applied, and writes them on condition that the item is still the one it read. Every write records the report time
/// zone the day was summed in. No transactions, no per-event writes.
/// </summary>
public sealed class DynamoAggregatesWriter : IAggregatesTable
{
    private const int MaxConditionRetries = 8;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly TimeProvider _clock;

    /// <summary>The aggregates table <paramref name="tableName"/>; <paramref name="clock"/> stamps <see cref="AggregateItemCodec.UpdatedAt"/>.</summary>
    public DynamoAggregatesWriter(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock)
    {
        _dynamo = dynamo;
        _tableName = tableName;
        _clock = clock;
    }

    /// <summary>Name of the aggregates table this instance writes.</summary>
    public string TableName => _tableName;

    /// <summary><inheritdoc/></summary>
    public async Task<WatermarkWrite> ApplyAsync(string shardId, DayGroup group, CancellationToken cancellationToken)
    {
        var key = Key(Day(group.Day), Shard(shardId));
        try
        {
            // In order (the first delivery): one conditional write, no read.
            await _dynamo.UpdateItemAsync(BuildInOrderUpdate(key, group), cancellationToken).ConfigureAwait(false);
            return new WatermarkWrite(1, 0, group.EntryCount, 0).Committing(group);
        }
        catch (ConditionalCheckFailedException)
        {
            // A redelivery, or records arriving after later ones of the same (day, shard): ask the item's history.
        }

        var writes = 1;
        var reads = 0;
        for (var attempt = 0; attempt < MaxConditionRetries; attempt++)
        {
            reads++;
            var item = (await _dynamo.GetItemAsync(new GetItemRequest
            {
                TableName = _tableName,
                Key = key,
                ConsistentRead = true,
                ProjectionExpression = string.Join(", ", HistoryProjection),
            }, cancellationToken).ConfigureAwait(false)).Item;
            var observed = ObservedHistory.From(item);
            var pending = group.Pending(observed.History, out var overlap);
            if (pending is null)
            {
                return WatermarkWrite.AfterRead(writes, reads, 0, overlap);
            }

            try
            {
                writes++;
                await _dynamo.UpdateItemAsync(BuildHistoryUpdate(key, group, pending, observed), cancellationToken).ConfigureAwait(false);
                return WatermarkWrite.AfterRead(writes, reads, pending.EntryCount, overlap).Committing(pending);
            }
            catch (ConditionalCheckFailedException)
            {
                // Another write got there between the read and this one: read again.
            }
        }

        throw new InvalidOperationException(
            $"The item {Day(group.Day)} / {Shard(shardId)} kept changing during {MaxConditionRetries} conditional retries: " +
            "is the event source mapping's ParallelizationFactor above 1?");
    }

    /// <summary>
    /// The first-time write: add the group, move the watermark to its last record, and push its range into the
    /// history slots (h0 newest; every slot takes the one before it, the oldest falls out), on condition that the
    /// watermark is below its first record. One request, whatever the item held.
    /// </summary>
    private UpdateItemRequest BuildInOrderUpdate(Dictionary<string, AttributeValue> key, DayGroup group)
    {
        var values = CounterValues(group);
        values[":last"] = new AttributeValue { S = group.LastSequence.ToPaddedString() };
        values[":first"] = new AttributeValue { S = group.FirstSequence.ToPaddedString() };
        values[":range"] = new AttributeValue { S = group.Range.ToString() };
        values[":empty"] = new AttributeValue { S = AppliedHistory.EmptySlot };
        values[":unknown"] = new AttributeValue { S = AppliedHistory.UnknownSlot };
        var shift = new List<string>(AppliedHistory.Capacity);
        for (var slot = AppliedHistory.Capacity - 1; slot > 0; slot--)
        {
            // A slot past the old history's size has no predecessor on an item written then: "unknown", not "empty",
            // or a full old history would read as complete and lose its floor.
            var absent = slot > AppliedHistory.LegacyCapacity ? ":unknown" : ":empty";
            shift.Add($"{HistorySlot(slot)} = if_not_exists({HistorySlot(slot - 1)}, {absent})");
        }

        shift.Add($"{HistorySlot(0)} = :range");
        shift.AddRange(ZoneUpdate(group, values));
        return new UpdateItemRequest
        {
            TableName = _tableName,
            Key = key,
            UpdateExpression = $"{AddCounters(group)} SET {LastSequence} = :last, {UpdatedAt} = :now, {string.Join(", ", shift)}",
            ConditionExpression = $"attribute_not_exists({LastSequence}) OR {LastSequence} < :first",
            ExpressionAttributeValues = values,
        };
    }

    /// <summary>
    /// The write after a read: add only what the history had not applied, store the history with the group's range
    /// merged in, on condition that the item is the one that was read (its write count unchanged).
    /// </summary>
    private UpdateItemRequest BuildHistoryUpdate(Dictionary<string, AttributeValue> key, DayGroup group, DayGroup pending, ObservedHistory observed)
    {
        var values = CounterValues(pending);
        var last = observed.LastSequence is { } seen ? SequenceNumber.Max(seen, group.LastSequence) : group.LastSequence;
        values[":last"] = new AttributeValue { S = last.ToPaddedString() };
        var slots = observed.History.Add(group.Range).ToSlots();
        var set = new List<string> { $"{LastSequence} = :last", $"{UpdatedAt} = :now" };
        set.AddRange(ZoneUpdate(group, values));
        for (var slot = 0; slot < slots.Count; slot++)
        {
            values[$":h{slot}"] = new AttributeValue { S = slots[slot] };
            set.Add($"{HistorySlot(slot)} = :h{slot}");
        }

        string condition;
        if (observed.Writes is { } writes)
        {
            condition = $"{WriteCount} = :writes";
            values[":writes"] = Number(writes);
        }
        else
        {
            condition = $"attribute_not_exists({WriteCount})";
        }

        return new UpdateItemRequest
        {
            TableName = _tableName,
            Key = key,
            UpdateExpression = $"{AddCounters(pending)} SET {string.Join(", ", set)}",
            ConditionExpression = condition,
            ExpressionAttributeValues = values,
        };
    }

    /// <summary>The zone the group was summed in, set on the item's first write and kept after (a later zone must not hide it).</summary>
    private static IEnumerable<string> ZoneUpdate(DayGroup group, Dictionary<string, AttributeValue> values)
    {
        if (group.ZoneId is not { } zone)
        {
            return [];
        }

        values[":zone"] = new AttributeValue { S = zone };
        return [$"{AggregateItemCodec.ReportTimeZone} = if_not_exists({AggregateItemCodec.ReportTimeZone}, :zone)"];
    }

    private Dictionary<string, AttributeValue> CounterValues(DayGroup group)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":ti"] = Number(group.Delta.TotalIssued),
            [":tr"] = Number(group.Delta.TotalRedeemed),
            [":ic"] = Number(group.Delta.IssuedCount),
            [":rc"] = Number(group.Delta.RedeemedCount),
            [":one"] = Number(1),
            [":now"] = new() { S = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
        };
        if (!group.Expired.IsZero)
        {
            values[":ei"] = Number(group.Expired.TotalIssued);
            values[":er"] = Number(group.Expired.TotalRedeemed);
            values[":eic"] = Number(group.Expired.IssuedCount);
            values[":erc"] = Number(group.Expired.RedeemedCount);
        }

        return values;
    }

    private static string AddCounters(DayGroup group)
    {
        var add = $"ADD {TotalIssued} :ti, {TotalRedeemed} :tr, {IssuedCount} :ic, {RedeemedCount} :rc, {WriteCount} :one";
        if (!group.Expired.IsZero)
        {
            add += $", {ExpiredIssued} :ei, {ExpiredRedeemed} :er, {ExpiredIssuedCount} :eic, {ExpiredRedeemedCount} :erc";
        }

        return add;
    }

    private static readonly string[] HistoryProjection =
        [LastSequence, WriteCount, .. Enumerable.Range(0, AppliedHistory.Capacity).Select(HistorySlot)];

    /// <summary>A shard item's watermark, write count and applied history as one consistent read saw them.</summary>
    private sealed record ObservedHistory(SequenceNumber? LastSequence, long? Writes, AppliedHistory History)
    {
        public static ObservedHistory From(Dictionary<string, AttributeValue>? item)
        {
            if (item is null || item.Count == 0)
            {
                return new ObservedHistory(null, null, AppliedHistory.Empty);
            }

            SequenceNumber? last = item.TryGetValue(AggregateItemCodec.LastSequence, out var seq) && seq.S is { } padded ? SequenceNumber.FromPaddedString(padded) : null;
            long? writes = item.TryGetValue(WriteCount, out var w) && w.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;
            var slots = Enumerable.Range(0, AppliedHistory.Capacity)
                .Select(i => item.TryGetValue(HistorySlot(i), out var v) ? v.S : null)
                .ToArray();
            return new ObservedHistory(last, writes, AppliedHistory.FromSlots(slots, last));
        }
    }

    /// <summary><inheritdoc/></summary>
    public bool IsTransient(Exception error) => AwsErrors.IsTransient(error);
}
