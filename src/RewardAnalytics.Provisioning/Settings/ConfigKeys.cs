namespace RewardAnalytics.Provisioning.Settings;

/// <summary>The Pulumi config keys of a stack (<c>reward-analytics:&lt;key&gt;</c> in <c>Pulumi.&lt;stack&gt;.yaml</c>).</summary>
public static class ConfigKeys
{
    public const string RewardsTableName = "rewardsTableName";
    public const string CreateRewardsTable = "createRewardsTable";
    public const string RewardsTableTtlAttribute = "rewardsTableTtlAttribute";
    public const string AggregatesTableName = "aggregatesTableName";
    public const string AnalyticsBucketName = "analyticsBucketName";
    public const string DeletionProtection = "deletionProtection";

    public const string ReportTimeZone = "reportTimeZone";
    public const string ReportPrefix = "reportPrefix";
    public const string RecheckDays = "recheckDays";
    public const string RewardTypeAttribute = "rewardTypeAttribute";
    public const string RewardAmountAttribute = "rewardAmountAttribute";
    public const string RewardCreatedAtAttribute = "rewardCreatedAtAttribute";
    public const string MetricsEnvironment = "metricsEnvironment";

    public const string Architecture = "architecture";
    public const string AggregatorMemoryMb = "aggregatorMemoryMb";
    public const string AggregatorTimeoutSeconds = "aggregatorTimeoutSeconds";
    public const string FinalizerMemoryMb = "finalizerMemoryMb";
    public const string FinalizerTimeoutSeconds = "finalizerTimeoutSeconds";
    public const string LogRetentionDays = "logRetentionDays";

    public const string BatchSize = "batchSize";
    public const string MaximumBatchingWindowSeconds = "maximumBatchingWindowSeconds";
    public const string TumblingWindowSeconds = "tumblingWindowSeconds";
    public const string ParallelizationFactor = "parallelizationFactor";
    public const string MaximumRetryAttempts = "maximumRetryAttempts";
    public const string MaximumRecordAgeSeconds = "maximumRecordAgeSeconds";
    public const string BisectBatchOnFunctionError = "bisectBatchOnFunctionError";
    public const string StartingPosition = "startingPosition";
    public const string FailedBatchRetentionDays = "failedBatchRetentionDays";

    public const string ScheduleRetryAttempts = "scheduleRetryAttempts";
    public const string ScheduleMaximumEventAgeSeconds = "scheduleMaximumEventAgeSeconds";
    public const string FinalizerRetryAttempts = "finalizerRetryAttempts";
    public const string FinalizerMaximumEventAgeSeconds = "finalizerMaximumEventAgeSeconds";

    public const string IteratorAgeAlarmSeconds = "iteratorAgeAlarmSeconds";
    public const string FinalizerDeadlineHour = "finalizerDeadlineHour";
    public const string AlarmEmail = "alarmEmail";
}
