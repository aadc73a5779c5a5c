using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

public sealed class MappingAndScheduleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(10)]
    public void A_parallelization_factor_other_than_1_is_refused_where_the_mapping_is_made(int factor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EventSourceMappingParameters(parallelizationFactor: factor));

        Assert.StartsWith("ParallelizationFactor must be 1: the per-(day, shard) watermarks count a record once only if a shard's records arrive in sequence order.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(901)]
    public void A_missing_or_impossible_tumbling_window_is_refused_where_the_mapping_is_made(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EventSourceMappingParameters(tumblingWindowSeconds: seconds));

        Assert.StartsWith("The stream aggregator needs a tumbling window of 1 to 900 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_record_age_keeps_records_until_stream_retention_while_retries_stay_bounded()
    {
        var mapping = Config.Settings().Mapping;

        Assert.Equal(-1, mapping.MaximumRecordAgeSeconds);
        Assert.Equal(10, mapping.MaximumRetryAttempts);
    }

    [Theory]
    [InlineData("-1", -1)]
    [InlineData("60", 60)]
    [InlineData("604800", 604800)]
    public void A_record_age_of_minus_one_or_60_to_604800_seconds_is_accepted(string value, int expected)
    {
        Assert.Equal(expected, Config.Settings("dev", (ConfigKeys.MaximumRecordAgeSeconds, value)).Mapping.MaximumRecordAgeSeconds);
    }

    [Fact]
    public void The_mapping_reports_batch_item_failures_and_emits_its_metrics()
    {
        Assert.Equal(["ReportBatchItemFailures"], EventSourceMappingParameters.FunctionResponseTypes);
        Assert.Equal(["EventCount"], EventSourceMappingParameters.Metrics);
    }

    [Fact]
    public void The_finalizer_runs_at_five_past_midnight_in_the_report_time_zone_with_no_flexible_window()
    {
        var schedule = Config.Settings("prod", (ConfigKeys.ReportTimeZone, "America/New_York")).Schedule;

        Assert.Equal("cron(5 0 * * ? *)", ScheduleParameters.Expression);
        Assert.Equal("America/New_York", schedule.TimeZone);
        Assert.Equal("OFF", ScheduleParameters.FlexibleTimeWindowMode);
        Assert.Equal("ENABLED", ScheduleParameters.State);
        Assert.Equal("{}", ScheduleParameters.Input);
        Assert.Equal((5, 3600), (schedule.MaximumRetryAttempts, schedule.MaximumEventAgeSeconds));
    }

    [Fact]
    public void Lambda_retries_a_failing_finalizer_run_and_keeps_the_record_of_one_it_gave_up_on_under_the_functions_prefix()
    {
        var settings = Config.Settings("prod", (ConfigKeys.FinalizerRetryAttempts, "1"), (ConfigKeys.FinalizerMaximumEventAgeSeconds, "7200"));

        Assert.Equal((1, 7200), (settings.FinalizerInvoke.MaximumRetryAttempts, settings.FinalizerInvoke.MaximumEventAgeSeconds));
        Assert.Equal("aws/lambda/async/reward-analytics-prod-daily-finalizer/", FinalizerInvokeParameters.FailureRecordPrefix(settings.Names.DailyFinalizerFunction));
        Assert.Equal("reward-analytics-prod-daily-finalizer-async", settings.Names.FinalizerAsyncInvoke);
    }

    [Fact]
    public void The_schedule_uses_utc_when_no_time_zone_is_set()
    {
        Assert.Equal("UTC", Config.Settings().Schedule.TimeZone);
    }

    [Theory]
    [InlineData("arm64", "linux-arm64")]
    [InlineData("x86_64", "linux-x64")]
    public void Each_architecture_is_published_for_its_runtime_identifier(string architecture, string runtimeIdentifier)
    {
        Assert.Equal(runtimeIdentifier, LambdaArchitecture.RuntimeIdentifier(architecture));
        Assert.Equal($"artifacts/functions/{runtimeIdentifier}", FunctionPackage.RelativeDirectory(runtimeIdentifier));
    }

    [Theory]
    [InlineData("arm64", "No functions package for arm64 in /repo/artifacts/functions/linux-arm64: the Pulumi project's build publishes it; for arm64 leave FunctionsRuntimeIdentifier unset or set it to linux-arm64 in the environment of pulumi up.")]
    [InlineData("x86_64", "No functions package for x86_64 in /repo/artifacts/functions/linux-x64: the Pulumi project's build publishes it; for x86_64 set FunctionsRuntimeIdentifier=linux-x64 in the environment of pulumi up.")]
    public void A_missing_package_names_the_runtime_identifier_of_the_stacks_architecture(string architecture, string expected)
    {
        var directory = "/repo/" + FunctionPackage.RelativeDirectory(LambdaArchitecture.RuntimeIdentifier(architecture));

        var message = LambdaArchitecture.MissingPackageMessage(architecture, directory);

        Assert.Equal(expected, message);
        Assert.DoesNotContain("x86_64 set FunctionsRuntimeIdentifier=linux-arm64", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_functions_get_the_variables_their_settings_read()
    {
        var settings = Config.Settings("prod", (ConfigKeys.ReportTimeZone, "Europe/Berlin"), (ConfigKeys.RecheckDays, "5"));

        Assert.Equal(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "reward-analytics-prod-aggregates",
            ["METRICS_ENVIRONMENT"] = "prod",
            ["REPORT_TIME_ZONE"] = "Europe/Berlin",
            ["REWARD_AMOUNT_ATTRIBUTE"] = "amount",
            ["REWARD_CREATED_AT_ATTRIBUTE"] = "createdAt",
            ["REWARD_TYPE_ATTRIBUTE"] = "type",
        }, FunctionEnvironment.StreamAggregator(settings));
        Assert.Equal(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "reward-analytics-prod-aggregates",
            ["ANALYTICS_BUCKET"] = "loyalty-platform-analytics",
            ["METRICS_ENVIRONMENT"] = "prod",
            ["METRICS_NAMESPACE"] = "LoyaltyPlatform/Rewards",
            ["RECHECK_DAYS"] = "5",
            ["REPORT_PREFIX"] = "daily-rewards/",
            ["REPORT_TIME_ZONE"] = "Europe/Berlin",
        }, FunctionEnvironment.DailyFinalizer(settings, "loyalty-platform-analytics"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "reward-analytics-prod-aggregates",
            ["REPORT_TIME_ZONE"] = "Europe/Berlin",
        }, FunctionEnvironment.TotalsApi(settings));
        Assert.Equal("Europe/Berlin", TotalsApiSettings.FromEnvironment(EnvironmentReader.From(FunctionEnvironment.TotalsApi(settings))).ReportTimeZone.Id);
    }

    [Theory]
    [InlineData(true, "NEW_AND_OLD_IMAGES", "arn:stream", null)]
    [InlineData(false, "", "", "The rewards table 'rewards' has no stream: enable DynamoDB Streams on it with view type NEW_AND_OLD_IMAGES (the aggregator reads every change from it), then run pulumi up again.")]
    [InlineData(true, "NEW_IMAGE", "arn:stream", "The rewards table 'rewards' streams NEW_IMAGE: the aggregator needs NEW_AND_OLD_IMAGES (a MODIFY or REMOVE is counted as new image minus old image). Change the stream's view type, then run pulumi up again.")]
    public void An_existing_rewards_table_must_stream_new_and_old_images(bool enabled, string viewType, string arn, string? expected)
    {
        Assert.Equal(expected, DataStores.RewardsStreamProblem("rewards", enabled, viewType, arn));
    }
}
