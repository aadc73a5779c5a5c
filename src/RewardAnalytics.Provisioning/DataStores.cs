namespace RewardAnalytics.Provisioning;

/// <summary>The fixed shape of the tables and buckets: keys, billing, stream view, encryption, versioning.</summary>
public static class DataStores
{
    /// <summary>On-demand billing for both tables: traffic follows the platform's, with no capacity to plan.</summary>
    public const string PayPerRequest = "PAY_PER_REQUEST";
    /// <summary>The DynamoDB string type of every key attribute.</summary>
    public const string StringAttribute = Core.Aggregation.AggregatesKeySchema.KeyType;
    /// <summary>Partition key of the aggregates table (<c>DAY#yyyy-MM-dd</c>), from <see cref="Core.Aggregation.AggregatesKeySchema"/>.</summary>
    public const string AggregatesPartitionKey = Core.Aggregation.AggregatesKeySchema.PartitionKey;
    /// <summary>Sort key of the aggregates table (<c>SHARD#…</c>, <c>CORRECTION</c>, <c>FINAL</c>), from <see cref="Core.Aggregation.AggregatesKeySchema"/>.</summary>
    public const string AggregatesSortKey = Core.Aggregation.AggregatesKeySchema.SortKey;

    /// <summary>The aggregator needs both images: the delta of a MODIFY or REMOVE is new minus old.</summary>
    public const string RequiredStreamViewType = Core.StreamEvents.StreamEventReader.RequiredStreamViewType;

    /// <summary>The key of a rewards table this stack creates (dev); the platform's own table is only read.</summary>
    public const string RewardsPartitionKey = "rewardId";

    /// <summary>SSE-S3: encryption at rest with no KMS key policy or kms:* grant for the functions to need.</summary>
    public const string BucketEncryptionAlgorithm = "AES256";
    /// <summary>Versioning on the stack's buckets, so an overwritten object (a report's earlier revision) can still be read.</summary>
    public const string VersioningEnabled = "Enabled";

    /// <summary>Why an existing rewards table cannot feed the aggregator, or null when its stream is right.</summary>
    public static string? RewardsStreamProblem(string tableName, bool streamEnabled, string? streamViewType, string? streamArn)
    {
        if (!streamEnabled || string.IsNullOrEmpty(streamArn))
        {
            return $"The rewards table '{tableName}' has no stream: enable DynamoDB Streams on it with view type {RequiredStreamViewType} " +
                   "(the aggregator reads every change from it), then run pulumi up again.";
        }

        return streamViewType == RequiredStreamViewType
            ? null
            : $"The rewards table '{tableName}' streams {streamViewType}: the aggregator needs {RequiredStreamViewType} " +
              "(a MODIFY or REMOVE is counted as new image minus old image). Change the stream's view type, then run pulumi up again.";
    }
}
