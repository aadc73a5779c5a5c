using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Aws;

/// <summary>
/// The ground truth of a range of days: a full, parallel, consistent Scan of the rewards table (the original
/// service's method), each segment tallied with the stream's own rules and merged.
/// </summary>
public sealed class RewardsTableScan
{
    /// <summary>Parallel scan segments when the caller does not choose.</summary>
    public const int DefaultSegments = 4;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly RewardImageSchema _schema;

    /// <summary>A scan of the rewards table <paramref name="tableName"/>, reading items by <paramref name="schema"/>.</summary>
    public RewardsTableScan(IAmazonDynamoDB dynamo, string tableName, RewardImageSchema schema)
    {
        _dynamo = dynamo;
        _tableName = tableName;
        _schema = schema;
    }

    /// <summary>Tallies every reward whose day (in <paramref name="zone"/>) falls in <paramref name="days"/>, scanning <paramref name="segments"/> segments in parallel.</summary>
    public async Task<GroundTruthTally> ScanAsync(DateTimeZone zone, DateInterval days, int segments, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        var tallies = await Task.WhenAll(Enumerable.Range(0, segments)
            .Select(segment => ScanSegmentAsync(zone, days, segment, segments, cancellationToken))).ConfigureAwait(false);
        var total = new GroundTruthTally(zone, days);
        foreach (var tally in tallies)
        {
            total.Merge(tally);
        }

        return total;
    }

    private async Task<GroundTruthTally> ScanSegmentAsync(DateTimeZone zone, DateInterval days, int segment, int segments, CancellationToken ct)
    {
        var tally = new GroundTruthTally(zone, days);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.ScanAsync(new ScanRequest
            {
                TableName = _tableName,
                Segment = segment,
                TotalSegments = segments,
                ConsistentRead = true,
                ProjectionExpression = "#t, #a, #c",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#t"] = _schema.TypeAttribute,
                    ["#a"] = _schema.AmountAttribute,
                    ["#c"] = _schema.CreatedAtAttribute,
                },
                ExclusiveStartKey = start,
            }, ct).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                tally.Add(item, _schema);
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return tally;
    }
}
