using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using static RewardAnalytics.Aws.Aggregates.AggregateItemCodec;

namespace RewardAnalytics.Aws.Aggregates;

/// <summary>
/// The aggregates table as the finalizer sees it, in one report time zone: the <c>FINAL</c> item written under a revision
/// and commit condition, and the first-day marker. A day's ledger is read by <see cref="DynamoDayLedgerReader"/>; items
/// are encoded by <see cref="AggregateItemCodec"/>. The <c>CORRECTION</c> item is
/// written by the repair workflows alone (<c>Operations.ConditionalCorrection</c>). Every item written records the zone.
/// </summary>
public sealed class DynamoFinalizationTable : IFinalizationTable
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoDayLedgerReader _ledgers;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>
    /// The aggregates table <paramref name="tableName"/> read and written in the report time zone <paramref name="zone"/>
    /// (<c>REPORT_TIME_ZONE</c>); <paramref name="clock"/> stamps the items it writes.
    /// </summary>
    public DynamoFinalizationTable(IAmazonDynamoDB dynamo, string tableName, DateTimeZone zone, TimeProvider clock)
    {
        _dynamo = dynamo;
        _zone = zone;
        _clock = clock;
        _ledgers = new DynamoDayLedgerReader(dynamo, tableName, zone);
    }

    /// <summary>Name of the aggregates table.</summary>
    public string TableName => _ledgers.TableName;

    /// <summary>The report time zone this table reads and writes days in.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>The day's ledger from one consistent query (<see cref="DynamoDayLedgerReader.ReadDayAsync"/>).</summary>
    /// <exception cref="ReportTimeZoneMismatchException">The day's items were summed in another report time zone than <see cref="Zone"/>.</exception>
    /// <exception cref="UnreadableDayException">An item of the day holds a value this service cannot have written.</exception>
    public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) =>
        _ledgers.ReadDayAsync(day, cancellationToken);

    /// <summary><inheritdoc/></summary>
    /// <remarks>
    /// One consistent <c>Query</c> of the marker. Before a marker is recorded, one consistent <c>Scan</c> of the partition
    /// keys finds the earliest day any item is for (days the aggregator summed before the finalizer ever ran, or that
    /// <c>backfill</c> finalized), which is then recorded with a conditional <c>PutItem</c>: the scan runs only while the
    /// table has no data at all, or once on the first run after a deployment whose table has none recorded.
    /// </remarks>
    public async Task<LocalDate?> ReadFirstDayAsync(CancellationToken cancellationToken)
    {
        var items = (await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = $"{PartitionKey} = :pk AND {AggregateItemCodec.SortKey} = :sk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = ServicePartition },
                [":sk"] = new() { S = FirstDay },
            },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false)).Items;
        if (items is { Count: > 0 } && items[0].TryGetValue(DateAttribute, out var date) && IsoDate.TryParse(date.S, out var recorded))
        {
            return recorded;
        }

        var earliest = await ScanEarliestDayAsync(cancellationToken).ConfigureAwait(false);
        if (earliest is { } found)
        {
            await RecordFirstDayAsync(found, cancellationToken).ConfigureAwait(false);
        }

        return earliest;
    }

    private async Task<LocalDate?> ScanEarliestDayAsync(CancellationToken cancellationToken)
    {
        LocalDate? earliest = null;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.ScanAsync(new ScanRequest
            {
                TableName = TableName,
                ProjectionExpression = "#pk",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                if (item.TryGetValue(PartitionKey, out var pk) && TryReadDay(pk.S, out var day) && (earliest is null || day < earliest))
                {
                    earliest = day;
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return earliest;
    }

    /// <summary><inheritdoc/></summary>
    public async Task RecordFirstDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var item = Key(ServicePartition, FirstDay);
        item[DateAttribute] = new AttributeValue { S = IsoDate.Format(day) };
        try
        {
            await _dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#date) OR #date > :day",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#date"] = DateAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":day"] = new() { S = IsoDate.Format(day) } },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // An earlier day is recorded already (ISO dates compare as strings).
        }
    }

    /// <summary><inheritdoc/></summary>
    public async Task CommitAsync(FinalizedDay final, FinalizedDay? previous, CancellationToken cancellationToken)
    {
        var item = EncodeFinal(final, _zone);
        var request = new PutItemRequest { TableName = TableName, Item = item };
        if (previous is null)
        {
            request.ConditionExpression = $"attribute_not_exists({PartitionKey})";
        }
        else
        {
            // Two finalizers that read the same item cannot both commit over it (a revision, or the metrics of one).
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#revision"] = RevisionAttribute, ["#commits"] = CommitsAttribute };
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":previous"] = new() { N = previous.Revision.ToString(CultureInfo.InvariantCulture) },
            };
            if (previous.Commits > 0)
            {
                request.ConditionExpression = "#revision = :previous AND #commits = :commits";
                request.ExpressionAttributeValues[":commits"] = new() { N = previous.Commits.ToString(CultureInfo.InvariantCulture) };
            }
            else
            {
                request.ConditionExpression = "#revision = :previous AND attribute_not_exists(#commits)";
            }
        }

        try
        {
            await _dynamo.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw new FinalRevisionConflictException(final.Date, final.Revision, ex);
        }
    }
}
