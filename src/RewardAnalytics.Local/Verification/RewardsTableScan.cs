using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Verification;

/// <summary>A full, paginated, parallel Scan of a table: the original service's way of computing a day.</summary>
public static class RewardsTableScan
{
    public static async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> ReadAllAsync(
        IAmazonDynamoDB dynamo, string tableName, int segments, CancellationToken cancellationToken)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            var items = new List<Dictionary<string, AttributeValue>>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await dynamo.ScanAsync(new ScanRequest
                {
                    TableName = tableName,
                    Segment = segment,
                    TotalSegments = segments,
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                }, cancellationToken).ConfigureAwait(false);
                items.AddRange(page.Items ?? []);
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);
            return items;
        })).ConfigureAwait(false);
        return parts.SelectMany(p => p).ToArray();
    }
}
