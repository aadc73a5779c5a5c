using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Settings;

public sealed class FinalizerInvokeParametersTests
{
    [Fact]
    public void Lambda_retries_a_failing_finalizer_run_and_keeps_the_record_of_one_it_gave_up_on_under_the_functions_prefix()
    {
        var settings = Config.Settings("prod", (ConfigKeys.FinalizerRetryAttempts, "1"), (ConfigKeys.FinalizerMaximumEventAgeSeconds, "7200"));

        Assert.Equal((1, 7200), (settings.FinalizerInvoke.MaximumRetryAttempts, settings.FinalizerInvoke.MaximumEventAgeSeconds));
        Assert.Equal("aws/lambda/async/reward-analytics-prod-daily-finalizer/", FinalizerInvokeParameters.FailureRecordPrefix(settings.Names.DailyFinalizerFunction));
        Assert.Equal("reward-analytics-prod-daily-finalizer-async", settings.Names.FinalizerAsyncInvoke);
    }
}
