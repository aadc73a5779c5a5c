using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using NodaTime.Text;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using static RewardAnalytics.Aws.AggregateItem;

namespace RewardAnalytics.Aws;

/// <summary>
/// The aggregates table as the finalizer, the totals readers and <c>reconcile</c> see it, in one report time zone: a
/// day's shard items, correction and <c>FINAL</c> item from one consistent query, refused when they were summed in
/// another zone; the <c>FINAL</c> item written under a revision and commit condition. The <c>CORRECTION</c> item is
/// written by the repair workflows alone (<c>Operations.ConditionalCorrection</c>). Every item written records the zone.
/// </summary>
public sealed class DynamoFinalizationTable : IFinalizationTable
{
    /// <summary>On FINAL items: the finalized day, <c>yyyy-MM-dd</c>.</summary>
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

    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoAggregatesTable _aggregates;
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
        _aggregates = new DynamoAggregatesTable(dynamo, tableName, clock);
    }

    /// <summary>Name of the aggregates table.</summary>
    public string TableName => _aggregates.TableName;

    /// <summary>The report time zone this table reads and writes days in.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>The day's ledger from one consistent query.</summary>
    /// <exception cref="ReportTimeZoneMismatchException">The day's items were summed in another report time zone than <see cref="Zone"/>.</exception>
    /// <exception cref="UnreadableDayException">An item of the day holds a value this service cannot have written.</exception>
    public async Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) =>
        (await _aggregates.ReadLedgerAsync(day, item => ReadFinal(day, item), cancellationToken).ConfigureAwait(false)).InZone(day, _zone);

    /// <summary><inheritdoc/></summary>
    /// <remarks>A consistent <c>Query</c> and a conditional <c>PutItem</c>: the two actions the finalizer's role already has on the table.</remarks>
    public async Task<LocalDate?> ReadFirstDayAsync(CancellationToken cancellationToken)
    {
        var items = (await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = $"{PartitionKey} = :pk AND {AggregateItem.SortKey} = :sk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = ServicePartition },
                [":sk"] = new() { S = FirstDay },
            },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false)).Items;
        if (items is not { Count: > 0 } || !items[0].TryGetValue(DateAttribute, out var date) || !IsoDate.TryParse(date.S, out var day))
        {
            return null;
        }

        return day;
    }

    /// <summary><inheritdoc/></summary>
    public async Task RecordFirstDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var item = DynamoAggregatesTable.Key(ServicePartition, FirstDay);
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
        var item = DynamoAggregatesTable.TotalsAttributes(final.Totals);
        foreach (var (name, value) in DynamoAggregatesTable.Key(Day(final.Date), Final))
        {
            item[name] = value;
        }

        item[DateAttribute] = new AttributeValue { S = IsoDate.Format(final.Date) };
        item[NetRewards] = new AttributeValue { N = FormatNumber(final.Totals.NetRewards) };
        item[RevisionAttribute] = new AttributeValue { N = final.Revision.ToString(CultureInfo.InvariantCulture) };
        item[FinalizedAtAttribute] = new AttributeValue { S = InstantPattern.ExtendedIso.Format(final.FinalizedAt) };
        item[MetricsPublishedAttribute] = new AttributeValue { BOOL = final.MetricsPublished };
        item[CommitsAttribute] = new AttributeValue { N = final.Commits.ToString(CultureInfo.InvariantCulture) };
        item[AggregateItem.ReportTimeZone] = new AttributeValue { S = final.ReportTimeZone ?? _zone.Id };
        if (final.Metrics is { } metrics)
        {
            item[MetricsNamespaceAttribute] = new AttributeValue { S = metrics.Namespace };
            if (!final.MetricsPublished)
            {
                item[MetricsHeldAttribute] = new AttributeValue { M = DynamoAggregatesTable.TotalsAttributes(metrics.Held) };
            }
        }

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

    private static FinalizedDay ReadFinal(LocalDate day, Dictionary<string, AttributeValue> item)
    {
        var revision = item.TryGetValue(RevisionAttribute, out var r) && int.TryParse(r.N, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UnreadableDayException(day, $"item {Day(day)} / {Final} has no valid '{RevisionAttribute}' (expected a whole number from 1)");
        var at = item.TryGetValue(FinalizedAtAttribute, out var f) && f.S is { } text && InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : default;
        var totals = DynamoAggregatesTable.ReadTotals(day, item);
        var published = item.TryGetValue(MetricsPublishedAttribute, out var p) && p.BOOL == true;
        // Items written before the namespace was recorded went to the one namespace there was.
        var metricsNamespace = item.TryGetValue(MetricsNamespaceAttribute, out var ns) && ns.S is { Length: > 0 } name ? name
            : published ? FinalizerSettings.DefaultMetricsNamespace : null;
        var held = item.TryGetValue(MetricsHeldAttribute, out var h) && h.M is { } counters ? DynamoAggregatesTable.ReadTotals(day, counters)
            : published ? totals : (DailyTotals?)null;
        var commits = item.TryGetValue(CommitsAttribute, out var c) && long.TryParse(c.N, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        return new FinalizedDay(day, totals, revision, at, metricsNamespace is not null && held is { } sum ? new PublishedMetrics(metricsNamespace, sum) : null)
        {
            Commits = commits,
            ReportTimeZone = item.TryGetValue(AggregateItem.ReportTimeZone, out var z) ? z.S : null,
        };
    }
}
