using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using NodaTime.Text;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using static RewardAnalytics.Aws.AggregateItem;

namespace RewardAnalytics.Aws;

/// <summary>
/// The aggregates table as the finalizer and <c>reconcile</c> see it: a day's shard items, correction and
/// <c>FINAL</c> item from one consistent query; the <c>FINAL</c> item written under a revision condition. The
/// <c>CORRECTION</c> item is written by the repair workflows alone (<c>Operations.ConditionalCorrection</c>).
/// </summary>
public sealed class DynamoFinalizationTable : IFinalizationTable
{
    /// <summary>On FINAL items: the finalized day, <c>yyyy-MM-dd</c>.</summary>
    public const string DateAttribute = "date";
    /// <summary>On FINAL items: the report revision (1 for the first publication; each republication adds one).</summary>
    public const string RevisionAttribute = "revision";
    /// <summary>On FINAL items: when the day was finalized (ISO-8601 instant).</summary>
    public const string FinalizedAtAttribute = "finalizedAt";
    /// <summary>On FINAL items: whether this revision's metrics went out (false when CloudWatch would refuse data that old).</summary>
    public const string MetricsPublishedAttribute = "metricsPublished";
    /// <summary>On CORRECTION items: what wrote the correction (<c>reconcile --fix</c>).</summary>
    public const string SourceAttribute = "source";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoAggregatesTable _aggregates;
    private readonly TimeProvider _clock;

    /// <summary>The aggregates table <paramref name="tableName"/>; <paramref name="clock"/> stamps the items it writes.</summary>
    public DynamoFinalizationTable(IAmazonDynamoDB dynamo, string tableName, TimeProvider clock)
    {
        _dynamo = dynamo;
        _clock = clock;
        _aggregates = new DynamoAggregatesTable(dynamo, tableName, clock);
    }

    /// <summary>Name of the aggregates table.</summary>
    public string TableName => _aggregates.TableName;

    /// <summary><inheritdoc/></summary>
    public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) =>
        _aggregates.ReadLedgerAsync(day, item => ReadFinal(day, item), cancellationToken);

    /// <summary><inheritdoc/></summary>
    public async Task CommitAsync(FinalizedDay final, CancellationToken cancellationToken)
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

        var request = new PutItemRequest { TableName = TableName, Item = item };
        if (final.Revision == 1)
        {
            request.ConditionExpression = $"attribute_not_exists({PartitionKey})";
        }
        else
        {
            // Two finalizers that read the same revision cannot both commit the next one.
            request.ConditionExpression = "#revision = :previous";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#revision"] = RevisionAttribute };
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":previous"] = new() { N = (final.Revision - 1).ToString(CultureInfo.InvariantCulture) },
            };
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
        var published = item.TryGetValue(MetricsPublishedAttribute, out var p) && p.BOOL == true;
        return new FinalizedDay(day, DynamoAggregatesTable.ReadTotals(day, item), revision, at, published);
    }
}
