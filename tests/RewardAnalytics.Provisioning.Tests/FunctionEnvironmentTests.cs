using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;
using static RewardAnalytics.Provisioning.Tests.ShadowRun;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>The variables the stack gives each function, as their settings read them.</summary>
public sealed class FunctionEnvironmentTests
{
    [Fact]
    public void The_shadow_prefix_reaches_the_finalizers_environment_and_is_a_prefix_it_accepts()
    {
        var settings = Config.Settings("prod", (ConfigKeys.ReportPrefix, ShadowPrefix), (ConfigKeys.AnalyticsBucketName, "loyalty-platform-analytics"));

        var environment = FunctionEnvironment.DailyFinalizer(settings, "loyalty-platform-analytics");
        var finalizer = FinalizerSettings.FromEnvironment(new EnvironmentReader(name => environment.TryGetValue(name, out var v) ? v : null));

        Assert.Equal(ShadowPrefix, environment[FinalizerSettings.ReportPrefixVariable]);
        Assert.Equal("daily-rewards-shadow/2023-11-15.json", finalizer.ReportKey(new NodaTime.LocalDate(2023, 11, 15)));
    }

    [Fact]
    public void The_shadow_namespace_reaches_the_finalizers_environment()
    {
        var settings = Config.Settings("prod", (ConfigKeys.MetricsNamespace, Shadow));

        Assert.Equal(Shadow, StackSettings.ShadowMetricsNamespace);
        Assert.Equal(Shadow, FunctionEnvironment.DailyFinalizer(settings, "loyalty-platform-analytics")[FunctionEnvironment.MetricsNamespaceVariable]);
        Assert.Equal("METRICS_NAMESPACE", FunctionEnvironment.MetricsNamespaceVariable);
    }

    [Fact]
    public void By_default_the_finalizer_publishes_in_the_namespace_the_old_job_used()
    {
        var environment = FunctionEnvironment.DailyFinalizer(Config.Settings("prod"), "loyalty-platform-analytics");

        Assert.Equal("LoyaltyPlatform/Rewards", environment[FunctionEnvironment.MetricsNamespaceVariable]);
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
}
