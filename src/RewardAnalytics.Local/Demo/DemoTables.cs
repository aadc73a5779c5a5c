using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Local.Demo;

/// <summary>Starts the demo from empty tables and no reports, also on a world kept with <c>--data</c>.</summary>
internal static class DemoTables
{
    /// <summary>Empties the world's rewards and aggregates tables and its report bucket.</summary>
    public static async Task ResetAsync(LocalAwsWorld world, IAmazonDynamoDB dynamo, IAmazonS3 s3, CancellationToken ct)
    {
        var options = world.Options;
        if (await HasItemsAsync(dynamo, options.RewardsTable, ct).ConfigureAwait(false)
            || await HasItemsAsync(dynamo, options.AggregatesTable, ct).ConfigureAwait(false))
        {
            await DeleteAsync(dynamo, options.RewardsTable, ct).ConfigureAwait(false);
            await DeleteAsync(dynamo, options.AggregatesTable, ct).ConfigureAwait(false);
            await world.CreateResourcesAsync(ct).ConfigureAwait(false);
        }

        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Bucket, ContinuationToken = token }, ct).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(options.Bucket, item.Key, ct).ConfigureAwait(false);
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private static async Task<bool> HasItemsAsync(IAmazonDynamoDB dynamo, string table, CancellationToken ct)
    {
        var page = await dynamo.ScanAsync(new ScanRequest { TableName = table, Limit = 1 }, ct).ConfigureAwait(false);
        return page.Items is { Count: > 0 };
    }

    private static async Task DeleteAsync(IAmazonDynamoDB dynamo, string table, CancellationToken ct)
    {
        try
        {
            await dynamo.DeleteTableAsync(table, ct).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await dynamo.DescribeTableAsync(table, ct).ConfigureAwait(false);
                await Task.Delay(25, ct).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                return;
            }
        }
    }
}
