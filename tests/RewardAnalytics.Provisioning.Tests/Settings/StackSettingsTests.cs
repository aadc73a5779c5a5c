using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Settings;

public sealed class StackSettingsTests
{
    [Fact]
    public void A_dev_stack_with_only_the_rewards_table_gets_the_documented_defaults()
    {
        var settings = Config.Settings("dev");

        Assert.Equal("loyalty-rewards", settings.RewardsTableName);
        Assert.False(settings.CreateRewardsTable);
        Assert.Null(settings.RewardsTableTtlAttribute);
        Assert.Equal("reward-analytics-dev-aggregates", settings.AggregatesTableName);
        Assert.Null(settings.AnalyticsBucketName);
        Assert.False(settings.DeletionProtection);
        Assert.Equal("UTC", settings.ReportTimeZone);
        Assert.Equal("daily-rewards/", settings.ReportPrefix);
        Assert.Equal(3, settings.RecheckDays);
        Assert.Equal(("type", "amount", "createdAt"), (settings.Schema.TypeAttribute, settings.Schema.AmountAttribute, settings.Schema.CreatedAtAttribute));
        Assert.Equal("dev", settings.MetricsEnvironment);
        Assert.Equal("arm64", settings.Architecture);
        Assert.Equal((512, 60, 512, 300), (settings.AggregatorMemoryMb, settings.AggregatorTimeoutSeconds, settings.FinalizerMemoryMb, settings.FinalizerTimeoutSeconds));
        Assert.Equal(30, settings.LogRetentionDays);
        Assert.Equal(30, settings.FailedBatchRetentionDays);
        Assert.Equal(100, settings.Mapping.BatchSize);
        Assert.Equal(5, settings.Mapping.MaximumBatchingWindowSeconds);
        Assert.Equal(60, settings.Mapping.TumblingWindowSeconds);
        Assert.Equal(1, settings.Mapping.ParallelizationFactor);
        Assert.Equal(10, settings.Mapping.MaximumRetryAttempts);
        Assert.Equal(-1, settings.Mapping.MaximumRecordAgeSeconds);
        Assert.True(settings.Mapping.BisectBatchOnFunctionError);
        Assert.Equal("LATEST", settings.Mapping.StartingPosition);
        Assert.Equal((5, 3600), (settings.Schedule.MaximumRetryAttempts, settings.Schedule.MaximumEventAgeSeconds));
        Assert.Equal((2, 3600), (settings.FinalizerInvoke.MaximumRetryAttempts, settings.FinalizerInvoke.MaximumEventAgeSeconds));
        Assert.Equal((300, 6), (settings.Alarms.IteratorAgeAlarmSeconds, settings.Alarms.FinalizerDeadlineHour));
        Assert.Null(settings.Alarms.AlarmEmail);
        Assert.Equal("AWS_IAM", settings.TotalsApiAuthType);
        Assert.Equal("LoyaltyPlatform/Rewards", settings.MetricsNamespace);
        Assert.Empty(settings.TotalsApiInvokers);
        Assert.Empty(settings.AnalyticsBucketPolicyStatements.Statements);
    }

    [Fact]
    public void The_prod_stack_protects_its_data_by_default()
    {
        Assert.True(Config.Settings("prod").DeletionProtection);
        Assert.False(Config.Settings("prod", (ConfigKeys.DeletionProtection, "false")).DeletionProtection);
    }

    [Fact]
    public void Set_values_override_the_defaults()
    {
        var settings = Config.Settings("prod",
            (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"),
            (ConfigKeys.ReportTimeZone, "Europe/Berlin"),
            (ConfigKeys.RecheckDays, "7"),
            (ConfigKeys.Architecture, "x86_64"),
            (ConfigKeys.BatchSize, "500"),
            (ConfigKeys.AlarmEmail, "oncall@example.com"),
            (ConfigKeys.MetricsEnvironment, "production"));

        Assert.Equal("loyalty-platform-analytics", settings.AnalyticsBucketName);
        Assert.Equal("Europe/Berlin", settings.ReportTimeZone);
        Assert.Equal("Europe/Berlin", settings.Schedule.TimeZone);
        Assert.Equal(7, settings.RecheckDays);
        Assert.Equal("x86_64", settings.Architecture);
        Assert.Equal(500, settings.Mapping.BatchSize);
        Assert.Equal("oncall@example.com", settings.Alarms.AlarmEmail);
        Assert.Equal("production", settings.MetricsEnvironment);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { ConfigKeys.CreateRewardsTable, "yes", "reward-analytics:createRewardsTable is 'yes': expected true or false" },
        { ConfigKeys.RewardsTableName, "a", "reward-analytics:rewardsTableName is 'a': expected a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, '_', '-', '.')" },
        { ConfigKeys.AggregatesTableName, "bad name", "reward-analytics:aggregatesTableName is 'bad name': expected a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, '_', '-', '.')" },
        { ConfigKeys.AnalyticsBucketName, "Loyalty_Analytics", "reward-analytics:analyticsBucketName is 'Loyalty_Analytics': expected an S3 bucket name (3 to 63 of a-z, 0-9, '-', '.', starting and ending with a letter or digit)" },
        { ConfigKeys.AdoptAnalyticsBucket, "yes", "reward-analytics:adoptAnalyticsBucket is 'yes': expected true or false" },
        { ConfigKeys.DeletionProtection, "1", "reward-analytics:deletionProtection is '1': expected true or false" },
        { ConfigKeys.ReportTimeZone, "Mars/Olympus", "reward-analytics:reportTimeZone is 'Mars/Olympus': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'" },
        { ConfigKeys.ReportPrefix, "daily-rewards", "reward-analytics:reportPrefix is 'daily-rewards': expected a key prefix ending in '/', without a leading '/' or '*', such as 'daily-rewards/'" },
        { ConfigKeys.RecheckDays, "32", "reward-analytics:recheckDays is '32': expected a whole number from 0 to 31" },
        { ConfigKeys.RewardTypeAttribute, new string('t', 256), "reward-analytics:rewardTypeAttribute is 256 characters long: expected an attribute name of at most 255 characters" },
        { ConfigKeys.RewardAmountAttribute, new string('a', 256), "reward-analytics:rewardAmountAttribute is 256 characters long: expected an attribute name of at most 255 characters" },
        { ConfigKeys.RewardCreatedAtAttribute, new string('c', 256), "reward-analytics:rewardCreatedAtAttribute is 256 characters long: expected an attribute name of at most 255 characters" },
        { ConfigKeys.Architecture, "arm", "reward-analytics:architecture is 'arm': expected one of 'arm64', 'x86_64'" },
        { ConfigKeys.AggregatorMemoryMb, "64", "reward-analytics:aggregatorMemoryMb is '64': expected a whole number from 128 to 10240" },
        { ConfigKeys.AggregatorTimeoutSeconds, "901", "reward-analytics:aggregatorTimeoutSeconds is '901': expected a whole number from 1 to 900" },
        { ConfigKeys.FinalizerMemoryMb, "lots", "reward-analytics:finalizerMemoryMb is 'lots': expected a whole number from 128 to 10240" },
        { ConfigKeys.FinalizerTimeoutSeconds, "0", "reward-analytics:finalizerTimeoutSeconds is '0': expected a whole number from 1 to 900" },
        { ConfigKeys.LogRetentionDays, "10", "reward-analytics:logRetentionDays is '10': expected one of the periods CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)" },
        { ConfigKeys.FailedBatchRetentionDays, "0", "reward-analytics:failedBatchRetentionDays is '0': expected a whole number from 1 to 3650" },
        { ConfigKeys.BatchSize, "0", "reward-analytics:batchSize is '0': expected a whole number from 1 to 10000" },
        { ConfigKeys.MaximumBatchingWindowSeconds, "301", "reward-analytics:maximumBatchingWindowSeconds is '301': expected a whole number from 0 to 300" },
        { ConfigKeys.TumblingWindowSeconds, "0", "reward-analytics:tumblingWindowSeconds is '0': expected a whole number from 1 to 900 (the stream aggregator needs a tumbling window: it reads the shardId only tumbling-window invocations carry)" },
        { ConfigKeys.ParallelizationFactor, "2", "reward-analytics:parallelizationFactor is '2': expected a whole number from 1 to 1 (the per-(day, shard) watermarks need a shard's records in sequence order; any other value would count records twice or lose them)" },
        { ConfigKeys.MaximumRetryAttempts, "-1", "reward-analytics:maximumRetryAttempts is '-1': expected a whole number from 0 to 10000 (bounded, so a failing batch reaches the failure destination instead of blocking its shard)" },
        { ConfigKeys.MaximumRecordAgeSeconds, "59", "reward-analytics:maximumRecordAgeSeconds is '59': expected -1 (keep records until the stream's 24-hour retention drops them) or a whole number from 60 to 604800" },
        { ConfigKeys.MaximumRecordAgeSeconds, "0", "reward-analytics:maximumRecordAgeSeconds is '0': expected -1 (keep records until the stream's 24-hour retention drops them) or a whole number from 60 to 604800" },
        { ConfigKeys.MaximumRecordAgeSeconds, "604801", "reward-analytics:maximumRecordAgeSeconds is '604801': expected -1 (keep records until the stream's 24-hour retention drops them) or a whole number from 60 to 604800" },
        { ConfigKeys.MaximumRecordAgeSeconds, "an hour", "reward-analytics:maximumRecordAgeSeconds is 'an hour': expected -1 (keep records until the stream's 24-hour retention drops them) or a whole number from 60 to 604800" },
        { ConfigKeys.BisectBatchOnFunctionError, "maybe", "reward-analytics:bisectBatchOnFunctionError is 'maybe': expected true or false" },
        { ConfigKeys.StartingPosition, "AT_TIMESTAMP", "reward-analytics:startingPosition is 'AT_TIMESTAMP': expected one of 'LATEST', 'TRIM_HORIZON'" },
        { ConfigKeys.ScheduleRetryAttempts, "186", "reward-analytics:scheduleRetryAttempts is '186': expected a whole number from 0 to 185" },
        { ConfigKeys.ScheduleMaximumEventAgeSeconds, "59", "reward-analytics:scheduleMaximumEventAgeSeconds is '59': expected a whole number from 60 to 86400" },
        { ConfigKeys.FinalizerRetryAttempts, "3", "reward-analytics:finalizerRetryAttempts is '3': expected a whole number from 0 to 2 (Lambda retries an asynchronous invocation at most twice)" },
        { ConfigKeys.FinalizerMaximumEventAgeSeconds, "21601", "reward-analytics:finalizerMaximumEventAgeSeconds is '21601': expected a whole number from 60 to 21600" },
        { ConfigKeys.IteratorAgeAlarmSeconds, "0", "reward-analytics:iteratorAgeAlarmSeconds is '0': expected a whole number from 1 to 86400" },
        { ConfigKeys.FinalizerDeadlineHour, "24", "reward-analytics:finalizerDeadlineHour is '24': expected a whole number from 1 to 23" },
        { ConfigKeys.AlarmEmail, "oncall", "reward-analytics:alarmEmail is 'oncall': expected an email address" },
        {
            ConfigKeys.TotalsApiAuthType, "NONE",
            "reward-analytics:totalsApiAuthType is 'NONE': expected 'AWS_IAM' (a function URL with auth type NONE would publish the running totals to anyone who has the URL)"
        },
        {
            ConfigKeys.TotalsApiAuthType, "aws_iam",
            "reward-analytics:totalsApiAuthType is 'aws_iam': expected 'AWS_IAM' (SigV4-signed requests; callers need lambda:InvokeFunctionUrl and lambda:InvokeFunction)"
        },
        {
            ConfigKeys.MetricsNamespace, "AWS/Lambda",
            "reward-analytics:metricsNamespace is 'AWS/Lambda': expected a CloudWatch namespace of 1 to 255 characters (A-Z, a-z, 0-9, '.', '-', '_', '/', '#', ':', space), " +
            "not starting with 'AWS/', such as 'LoyaltyPlatform/Rewards/Shadow'"
        },
        {
            ConfigKeys.MetricsNamespace, "Loyalty*Rewards",
            "reward-analytics:metricsNamespace is 'Loyalty*Rewards': expected a CloudWatch namespace of 1 to 255 characters (A-Z, a-z, 0-9, '.', '-', '_', '/', '#', ':', space), " +
            "not starting with 'AWS/', such as 'LoyaltyPlatform/Rewards/Shadow'"
        },
        {
            ConfigKeys.AnalyticsBucketPolicyStatements, "[]",
            "reward-analytics:analyticsBucketPolicyStatements is set but reward-analytics:adoptAnalyticsBucket is not true: only an adopted bucket has statements to keep"
        },
        {
            ConfigKeys.TotalsApiInvokers, "123456789012, reporting",
            "reward-analytics:totalsApiInvokers has 'reporting': expected principals separated by commas, each a 12-digit account id or the ARN of an IAM role " +
            "or user, such as 'arn:aws:iam::123456789012:role/reporting'"
        },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_stops_the_stack_with_a_message_naming_its_key(string key, string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("dev", (key, value)));

        Assert.Equal([expected], error.Problems);
        Assert.Equal("Invalid settings: " + expected, error.Message);
    }

    [Fact]
    public void Every_config_key_has_a_validation_case()
    {
        var keys = typeof(ConfigKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var covered = BadValues.Select(row => (string)row[0]).ToHashSet();
        covered.UnionWith([ConfigKeys.RewardsTableTtlAttribute, ConfigKeys.MetricsEnvironment]); // free text: any value is valid

        Assert.Empty(keys.Except(covered));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("dev",
            (ConfigKeys.BatchSize, "0"), (ConfigKeys.ParallelizationFactor, "4"), (ConfigKeys.ReportTimeZone, "Nowhere")));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("reward-analytics:batchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("reward-analytics:parallelizationFactor", error.Message, StringComparison.Ordinal);
        Assert.Contains("reward-analytics:reportTimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_without_a_rewards_table_is_told_both_ways_to_get_one()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Raw("dev"));

        Assert.Equal(
            ["reward-analytics:rewardsTableName is not set: expected the name of the platform's rewards table (its stream must be enabled with " +
             "NEW_AND_OLD_IMAGES), or set reward-analytics:createRewardsTable to true to create one (dev stacks)"],
            error.Problems);
    }

    [Fact]
    public void A_dev_stack_may_create_its_own_rewards_table_with_a_ttl_attribute()
    {
        var settings = Config.Raw("dev", (ConfigKeys.CreateRewardsTable, "true"), (ConfigKeys.RewardsTableTtlAttribute, "expiresAt"));

        Assert.True(settings.CreateRewardsTable);
        Assert.Equal("reward-analytics-dev-rewards", settings.RewardsTableName);
        Assert.Equal("expiresAt", settings.RewardsTableTtlAttribute);
    }

    [Fact]
    public void The_prod_stack_may_not_create_a_rewards_table()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Raw("prod", (ConfigKeys.CreateRewardsTable, "true")));

        Assert.Equal(["reward-analytics:createRewardsTable is true on the prod stack: prod reads the platform's existing rewards table"], error.Problems);
    }

    [Fact]
    public void A_ttl_attribute_needs_a_table_the_stack_creates()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("dev", (ConfigKeys.RewardsTableTtlAttribute, "expiresAt")));

        Assert.Equal(
            ["reward-analytics:rewardsTableTtlAttribute is set but reward-analytics:createRewardsTable is not true: TTL is configured only on a table this stack creates"],
            error.Problems);
    }

    [Theory]
    [InlineData("Dev")]
    [InlineData("dev_stack")]
    [InlineData("a-very-long-stack-name-for-testing")]
    public void A_stack_name_that_cannot_name_aws_resources_is_refused(string stack)
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings(stack));

        Assert.Equal(
            [$"The project and stack names give the resource name prefix 'reward-analytics-{stack}': expected project and stack names of lowercase " +
             "letters, digits and '-', together at most 40 characters, because they name AWS resources"],
            error.Problems);
    }

    [Fact]
    public void Names_follow_project_stack_part()
    {
        var names = Config.Settings("prod").Names;

        Assert.Equal("reward-analytics-prod-stream-aggregator", names.StreamAggregatorFunction);
        Assert.Equal("reward-analytics-prod-daily-finalizer", names.DailyFinalizerFunction);
        Assert.Equal("/aws/lambda/reward-analytics-prod-stream-aggregator", ResourceNames.LogGroup(names.StreamAggregatorFunction));
        Assert.Equal("reward-analytics-prod-finalizer-schedule", names.ScheduleRole);
        Assert.Equal("reward-analytics-prod", names.Dashboard);
        Assert.Equal(("reward-analytics-prod-totals-api", "reward-analytics-prod-totals-api"), (names.TotalsApiFunction, names.TotalsApiRole));
        Assert.All(new[] { names.StreamAggregatorRole, names.DailyFinalizerRole, names.ScheduleRole, names.TotalsApiRole }, role => Assert.True(role.Length <= 64));
    }

    [Fact]
    public void Every_batch_size_the_stack_accepts_is_one_the_aggregates_applied_history_is_sized_for()
    {
        // A bisected batch leaves up to ⌈log2 n⌉ ranges above a record still to come; the history keeps one more than the
        // largest accepted batch needs, or a deep enough bisection would push that record below its floor (issue 19, item 6).
        var largest = Config.Settings("dev", (ConfigKeys.BatchSize, "10000")).Mapping.BatchSize;
        var error = Assert.ThrowsAny<Exception>(() => Config.Settings("dev", (ConfigKeys.BatchSize, "10001")));

        Assert.Contains("expected a whole number from 1 to 10000", error.Message, StringComparison.Ordinal);
        Assert.Equal(Core.Aggregation.AppliedHistory.MaxBatchSize, largest);
        Assert.True(Core.Aggregation.AppliedHistory.BisectionDepth(largest) < Core.Aggregation.AppliedHistory.Capacity);
    }

    [Fact]
    public void Adopting_without_the_existing_statements_stops_the_stack_and_says_how_to_fill_them()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("prod",
            (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"), (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.Equal(
            ["reward-analytics:analyticsBucketPolicyStatements is not set but reward-analytics:adoptAnalyticsBucket is true: the stack writes the " +
             "adopted bucket's whole policy, so expected the statements it has now (the output of `aws s3api get-bucket-policy --bucket <name> " +
             "--query Policy --output text`), or [] when that command answers NoSuchBucketPolicy"],
            error.Problems);
    }

    [Fact]
    public void Adopting_without_a_bucket_name_stops_the_stack_and_says_why()
    {
        var error = Assert.Throws<SettingsException>(() => Config.Settings("dev", (ConfigKeys.AdoptAnalyticsBucket, "true")));

        Assert.Equal(
            ["reward-analytics:adoptAnalyticsBucket is true but reward-analytics:analyticsBucketName is not set: expected the name of the existing " +
             "bucket to adopt, such as 'loyalty-platform-analytics' (without a name there is nothing to import; set adoptAnalyticsBucket to false " +
             "to let the stack create a bucket)"],
            error.Problems);
    }
}
