namespace RewardAnalytics.Infrastructure;

using Pulumi;
using RewardAnalytics.Provisioning;
using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;
using Aws = Pulumi.Aws;

/// <summary>The data: the rewards stream (looked up or, in dev, created), the aggregates table and the two private buckets.</summary>
public sealed record DataResources(
    Output<string> RewardsStreamArn,
    Aws.DynamoDB.Table AggregatesTableResource,
    Aws.S3.Bucket AnalyticsBucketResource,
    Aws.S3.Bucket FailedBatchesBucketResource)
{
    public static DataResources Declare(StackSettings settings)
    {
        var names = settings.Names;
        var protect = new CustomResourceOptions { Protect = settings.DeletionProtection };

        var aggregatesTable = new Aws.DynamoDB.Table(names.AggregatesTable, new Aws.DynamoDB.TableArgs
        {
            Name = settings.AggregatesTableName,
            BillingMode = DataStores.PayPerRequest,
            HashKey = DataStores.AggregatesPartitionKey,
            RangeKey = DataStores.AggregatesSortKey,
            Attributes =
            {
                new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = DataStores.AggregatesPartitionKey, Type = DataStores.StringAttribute },
                new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = DataStores.AggregatesSortKey, Type = DataStores.StringAttribute },
            },
            PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
            ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true },
            DeletionProtectionEnabled = settings.DeletionProtection,
        }, protect);

        var analyticsPlan = AnalyticsBucketPlan.For(settings);
        if (analyticsPlan.Notice is { } notice)
        {
            Log.Info(notice);
        }

        var analyticsBucket = PrivateBucket(names.AnalyticsBucket, analyticsPlan.BucketName, new CustomResourceOptions
        {
            Protect = analyticsPlan.Protect,
            ImportId = analyticsPlan.ImportId,
            RetainOnDelete = analyticsPlan.RetainOnDelete,
        }, analyticsPlan);
        var failedBatchesBucket = PrivateBucket(names.FailedBatchesBucket, null, protect, AnalyticsBucketPlan.Created);
        var failedBatchesLifecycle = new Aws.S3.BucketLifecycleConfiguration($"{names.FailedBatchesBucket}-expiry", new Aws.S3.BucketLifecycleConfigurationArgs
        {
            Bucket = failedBatchesBucket.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire-failed-batches",
                    Status = "Enabled",
                    Filter = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = string.Empty },
                    Expiration = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = settings.FailedBatchRetentionDays },
                    NoncurrentVersionExpiration = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs
                    {
                        NoncurrentDays = settings.FailedBatchRetentionDays,
                    },
                },
            },
        });
        _ = failedBatchesLifecycle;

        return new DataResources(RewardsStream(settings), aggregatesTable, analyticsBucket, failedBatchesBucket);
    }

    /// <summary>The platform's table is only read: its stream must already be NEW_AND_OLD_IMAGES, or the program stops.</summary>
    private static Output<string> RewardsStream(StackSettings settings)
    {
        if (!settings.CreateRewardsTable)
        {
            return Aws.DynamoDB.GetTable.Invoke(new Aws.DynamoDB.GetTableInvokeArgs { Name = settings.RewardsTableName })
                .Apply((Aws.DynamoDB.GetTableResult table) =>
                    DataStores.RewardsStreamProblem(settings.RewardsTableName, table.StreamEnabled, table.StreamViewType, table.StreamArn) is { } problem
                        ? throw new RunException(problem)
                        : table.StreamArn);
        }

        var rewardsArgs = new Aws.DynamoDB.TableArgs
        {
            Name = settings.RewardsTableName,
            BillingMode = DataStores.PayPerRequest,
            HashKey = DataStores.RewardsPartitionKey,
            Attributes =
            {
                new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = DataStores.RewardsPartitionKey, Type = DataStores.StringAttribute },
            },
            StreamEnabled = true,
            StreamViewType = DataStores.RequiredStreamViewType,
            PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
            ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true },
        };
        if (settings.RewardsTableTtlAttribute is { } ttlAttribute)
        {
            rewardsArgs.Ttl = new Aws.DynamoDB.Inputs.TableTtlArgs { AttributeName = ttlAttribute, Enabled = true };
        }

        var rewardsTable = new Aws.DynamoDB.Table(settings.Names.CreatedRewardsTable, rewardsArgs);
        return rewardsTable.StreamArn;
    }

    /// <summary>
    /// A bucket nobody can make public: public access fully blocked, encrypted, versioned, TLS only
    /// (<see cref="AnalyticsBucketPlan.AllSettings"/>), whether <paramref name="options"/> create it or import it. An adopted
    /// bucket's settings are retained on delete (<paramref name="plan"/>): destroy deletes dependents before it reaches the
    /// protected bucket, and must not leave it weaker than it was; its policy keeps the statements it had.
    /// </summary>
    private static Aws.S3.Bucket PrivateBucket(string logicalName, string? bucketName, CustomResourceOptions options, AnalyticsBucketPlan plan)
    {
        var bucketArgs = new Aws.S3.BucketArgs();
        if (bucketName is not null)
        {
            // C# name of the schema's `bucket` property (a member cannot share its class's name).
            bucketArgs.BucketName = bucketName;
        }

        var bucket = new Aws.S3.Bucket(logicalName, bucketArgs, options);
        var block = PublicAccessBlock.FullyBlocked;
        var publicAccessBlock = new Aws.S3.BucketPublicAccessBlock(AnalyticsBucketPlan.SettingResourceName(logicalName, BucketSetting.PublicAccessBlock), new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = block.BlockPublicAcls,
            BlockPublicPolicy = block.BlockPublicPolicy,
            IgnorePublicAcls = block.IgnorePublicAcls,
            RestrictPublicBuckets = block.RestrictPublicBuckets,
            SkipDestroy = plan.PublicAccessBlockSkipDestroy,
        }, new CustomResourceOptions { RetainOnDelete = plan.RetainsOnDelete(BucketSetting.PublicAccessBlock) });
        var encryption = new Aws.S3.BucketServerSideEncryptionConfiguration(AnalyticsBucketPlan.SettingResourceName(logicalName, BucketSetting.ServerSideEncryption), new Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = DataStores.BucketEncryptionAlgorithm,
                    },
                },
            },
        }, new CustomResourceOptions { RetainOnDelete = plan.RetainsOnDelete(BucketSetting.ServerSideEncryption) });
        var versioning = new Aws.S3.BucketVersioning(AnalyticsBucketPlan.SettingResourceName(logicalName, BucketSetting.Versioning), new Aws.S3.BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs { Status = DataStores.VersioningEnabled },
        }, new CustomResourceOptions { RetainOnDelete = plan.RetainsOnDelete(BucketSetting.Versioning) });
        var tlsOnly = new Aws.S3.BucketPolicy(AnalyticsBucketPlan.SettingResourceName(logicalName, BucketSetting.TlsOnlyPolicy), new Aws.S3.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = bucket.Arn.Apply(arn => plan.Policy(arn)),
        }, new CustomResourceOptions { DependsOn = { publicAccessBlock }, RetainOnDelete = plan.RetainsOnDelete(BucketSetting.TlsOnlyPolicy) });
        _ = (encryption, versioning, tlsOnly);
        return bucket;
    }
}
