namespace RewardAnalytics.Provisioning.Settings;

/// <summary>The Pulumi config keys of a stack (<c>reward-analytics:&lt;key&gt;</c> in <c>Pulumi.&lt;stack&gt;.yaml</c>).</summary>
internal static class ConfigKeys
{
    /// <summary>Config key for <see cref="StackSettings.RewardsTableName"/>.</summary>
    public const string RewardsTableName = "rewardsTableName";
    /// <summary>Config key for <see cref="StackSettings.CreateRewardsTable"/>.</summary>
    public const string CreateRewardsTable = "createRewardsTable";
    /// <summary>Config key for <see cref="StackSettings.RewardsTableTtlAttribute"/>.</summary>
    public const string RewardsTableTtlAttribute = "rewardsTableTtlAttribute";
    /// <summary>Config key for <see cref="StackSettings.AggregatesTableName"/>.</summary>
    public const string AggregatesTableName = "aggregatesTableName";
    /// <summary>Config key for <see cref="StackSettings.AnalyticsBucketName"/>.</summary>
    public const string AnalyticsBucketName = "analyticsBucketName";
    /// <summary>Config key for <see cref="StackSettings.AdoptAnalyticsBucket"/>.</summary>
    public const string AdoptAnalyticsBucket = "adoptAnalyticsBucket";
    /// <summary>Config key for <see cref="StackSettings.AnalyticsBucketPolicyStatements"/>.</summary>
    public const string AnalyticsBucketPolicyStatements = "analyticsBucketPolicyStatements";
    /// <summary>Config key for <see cref="StackSettings.DeletionProtection"/>.</summary>
    public const string DeletionProtection = "deletionProtection";

    /// <summary>Config key for <see cref="StackSettings.ReportTimeZone"/>.</summary>
    public const string ReportTimeZone = "reportTimeZone";
    /// <summary>Config key for <see cref="StackSettings.ReportPrefix"/>.</summary>
    public const string ReportPrefix = "reportPrefix";
    /// <summary>Config key for <see cref="StackSettings.RecheckDays"/>.</summary>
    public const string RecheckDays = "recheckDays";
    /// <summary>Config key for the reward type attribute name (<see cref="StackSettings.Schema"/>).</summary>
    public const string RewardTypeAttribute = "rewardTypeAttribute";
    /// <summary>Config key for the reward amount attribute name (<see cref="StackSettings.Schema"/>).</summary>
    public const string RewardAmountAttribute = "rewardAmountAttribute";
    /// <summary>Config key for the reward creation time attribute name (<see cref="StackSettings.Schema"/>).</summary>
    public const string RewardCreatedAtAttribute = "rewardCreatedAtAttribute";
    /// <summary>Config key for <see cref="StackSettings.MetricsEnvironment"/>.</summary>
    public const string MetricsEnvironment = "metricsEnvironment";
    /// <summary>Config key for <see cref="StackSettings.MetricsNamespace"/>.</summary>
    public const string MetricsNamespace = "metricsNamespace";

    /// <summary>Config key for <see cref="StackSettings.Architecture"/>.</summary>
    public const string Architecture = "architecture";
    /// <summary>Config key for <see cref="StackSettings.AggregatorMemoryMb"/>.</summary>
    public const string AggregatorMemoryMb = "aggregatorMemoryMb";
    /// <summary>Config key for <see cref="StackSettings.AggregatorTimeoutSeconds"/>.</summary>
    public const string AggregatorTimeoutSeconds = "aggregatorTimeoutSeconds";
    /// <summary>Config key for <see cref="StackSettings.FinalizerMemoryMb"/>.</summary>
    public const string FinalizerMemoryMb = "finalizerMemoryMb";
    /// <summary>Config key for <see cref="StackSettings.FinalizerTimeoutSeconds"/>.</summary>
    public const string FinalizerTimeoutSeconds = "finalizerTimeoutSeconds";
    /// <summary>Config key for <see cref="StackSettings.TotalsApiAuthType"/> (only <c>AWS_IAM</c> is accepted).</summary>
    public const string TotalsApiAuthType = "totalsApiAuthType";
    /// <summary>Config key for <see cref="StackSettings.TotalsApiInvokers"/>.</summary>
    public const string TotalsApiInvokers = "totalsApiInvokers";
    /// <summary>Config key for <see cref="StackSettings.LogRetentionDays"/>.</summary>
    public const string LogRetentionDays = "logRetentionDays";

    /// <summary>Config key for <see cref="EventSourceMappingParameters.BatchSize"/>.</summary>
    public const string BatchSize = "batchSize";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.MaximumBatchingWindowSeconds"/>.</summary>
    public const string MaximumBatchingWindowSeconds = "maximumBatchingWindowSeconds";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.TumblingWindowSeconds"/>.</summary>
    public const string TumblingWindowSeconds = "tumblingWindowSeconds";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.ParallelizationFactor"/> (only 1 is accepted).</summary>
    public const string ParallelizationFactor = "parallelizationFactor";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.MaximumRetryAttempts"/>.</summary>
    public const string MaximumRetryAttempts = "maximumRetryAttempts";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.MaximumRecordAgeSeconds"/>.</summary>
    public const string MaximumRecordAgeSeconds = "maximumRecordAgeSeconds";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.BisectBatchOnFunctionError"/>.</summary>
    public const string BisectBatchOnFunctionError = "bisectBatchOnFunctionError";
    /// <summary>Config key for <see cref="EventSourceMappingParameters.StartingPosition"/>.</summary>
    public const string StartingPosition = "startingPosition";
    /// <summary>Config key for <see cref="StackSettings.FailedBatchRetentionDays"/>.</summary>
    public const string FailedBatchRetentionDays = "failedBatchRetentionDays";

    /// <summary>Config key for <see cref="ScheduleParameters.MaximumRetryAttempts"/>.</summary>
    public const string ScheduleRetryAttempts = "scheduleRetryAttempts";
    /// <summary>Config key for <see cref="ScheduleParameters.MaximumEventAgeSeconds"/>.</summary>
    public const string ScheduleMaximumEventAgeSeconds = "scheduleMaximumEventAgeSeconds";
    /// <summary>Config key for <see cref="FinalizerInvokeParameters.MaximumRetryAttempts"/>.</summary>
    public const string FinalizerRetryAttempts = "finalizerRetryAttempts";
    /// <summary>Config key for <see cref="FinalizerInvokeParameters.MaximumEventAgeSeconds"/>.</summary>
    public const string FinalizerMaximumEventAgeSeconds = "finalizerMaximumEventAgeSeconds";

    /// <summary>Config key for <see cref="AlarmSettings.IteratorAgeAlarmSeconds"/>.</summary>
    public const string IteratorAgeAlarmSeconds = "iteratorAgeAlarmSeconds";
    /// <summary>Config key for <see cref="AlarmSettings.FinalizerDeadlineHour"/>.</summary>
    public const string FinalizerDeadlineHour = "finalizerDeadlineHour";
    /// <summary>Config key for <see cref="AlarmSettings.AlarmEmail"/>.</summary>
    public const string AlarmEmail = "alarmEmail";
}
