using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using static RewardAnalytics.Aws.Aggregates.AggregateItemCodec;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// Writes a day's <c>CORRECTION</c> item only over the item it was computed against: the put (or, for a zero
/// correction, the delete) is conditioned on every attribute of the correction as it was read, or on there being none.
/// Each write counts up the item's <c>writes</c>, so two writes are never alike. A written correction can be taken back
/// the same way, conditioned on being the one written. No transaction: dynalite has none, and one item needs none.
/// </summary>
internal sealed class ConditionalCorrection
{
    /// <summary>What the correction item's <see cref="AggregateItemCodec.SourceAttribute"/> says wrote it.</summary>
    public const string Source = "reconcile --fix";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>Corrections in the aggregates table <paramref name="tableName"/>, recorded as summed in <paramref name="zone"/>.</summary>
    public ConditionalCorrection(IAmazonDynamoDB dynamo, string tableName, DateTimeZone zone, TimeProvider clock)
    {
        _dynamo = dynamo;
        _tableName = tableName;
        _zone = zone;
        _clock = clock;
    }

    /// <summary>
    /// Replaces <paramref name="previous"/> (the correction item as read; null: none) with <paramref name="correction"/>
    /// (a zero correction deletes the item). Returns false, writing nothing, when the item is no longer
    /// <paramref name="previous"/>; <c>Written</c> is the item now stored (null when deleted).
    /// </summary>
    public async Task<(bool Replaced, Dictionary<string, AttributeValue>? Written)> TryReplaceAsync(
        LocalDate day, DailyTotals correction, Dictionary<string, AttributeValue>? previous, CancellationToken cancellationToken)
    {
        if (correction.IsZero)
        {
            return (previous is null || await TryDeleteAsync(day, previous, cancellationToken).ConfigureAwait(false), null);
        }

        var item = AggregateItemCodec.TotalsAttributes(correction);
        foreach (var (name, value) in AggregateItemCodec.Key(Day(day), Correction))
        {
            item[name] = value;
        }

        var writes = previous is not null && previous.TryGetValue(WriteCount, out var w) && long.TryParse(w.N, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        item[WriteCount] = new AttributeValue { N = (writes + 1).ToString(CultureInfo.InvariantCulture) };
        item[UpdatedAt] = new AttributeValue { S = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
        item[AggregateItemCodec.SourceAttribute] = new AttributeValue { S = Source };
        item[ReportTimeZone] = new AttributeValue { S = _zone.Id };
        return (await TryPutAsync(item, previous, cancellationToken).ConfigureAwait(false), item);
    }

    /// <summary>
    /// Puts <paramref name="previous"/> back (deletes the correction when it was null) in place of
    /// <paramref name="written"/>, the item <see cref="TryReplaceAsync"/> stored; false when the item is no longer it.
    /// </summary>
    public async Task<bool> TryRestoreAsync(
        LocalDate day, Dictionary<string, AttributeValue>? previous, Dictionary<string, AttributeValue>? written, CancellationToken cancellationToken)
    {
        if (previous is null)
        {
            return written is null || await TryDeleteAsync(day, written, cancellationToken).ConfigureAwait(false);
        }

        return await TryPutAsync(new Dictionary<string, AttributeValue>(previous), written, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryPutAsync(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue>? expected, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest { TableName = _tableName, Item = item };
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Matching(expected);
        try
        {
            await _dynamo.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<bool> TryDeleteAsync(LocalDate day, Dictionary<string, AttributeValue> expected, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest { TableName = _tableName, Key = AggregateItemCodec.Key(Day(day), Correction) };
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Matching(expected);
        try
        {
            await _dynamo.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The condition "the item is exactly <paramref name="expected"/>" (every attribute equal), or "there is no item".</summary>
    private static (string Condition, Dictionary<string, string>? Names, Dictionary<string, AttributeValue>? Values) Matching(
        Dictionary<string, AttributeValue>? expected)
    {
        if (expected is null)
        {
            return ($"attribute_not_exists({PartitionKey})", null, null);
        }

        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var terms = new List<string>();
        foreach (var (name, value) in expected.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var i = terms.Count.ToString(CultureInfo.InvariantCulture);
            names["#a" + i] = name;
            values[":a" + i] = value;
            terms.Add($"#a{i} = :a{i}");
        }

        return (string.Join(" AND ", terms), names, values);
    }
}
