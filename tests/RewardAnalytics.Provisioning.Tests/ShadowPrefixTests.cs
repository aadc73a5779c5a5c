using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Iam;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>
/// The parallel run of the cutover: <c>reportPrefix: daily-rewards-shadow/</c> sends the finalizer's reports, and its
/// write permission, to the shadow prefix, so it cannot overwrite the old job's <c>daily-rewards/</c>.
/// </summary>
public sealed class ShadowPrefixTests
{
    private const string ShadowPrefix = "daily-rewards-shadow/";

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
    public void Under_the_shadow_prefix_the_finalizer_may_write_only_there_not_the_old_jobs_reports()
    {
        var policy = Policies.DailyFinalizer(new DailyFinalizerResources(
            "arn:aws:dynamodb:eu-west-1:123456789012:table/aggregates", "arn:aws:s3:::loyalty-platform-analytics", ShadowPrefix,
            "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/finalizer", "arn:aws:s3:::failed", "finalizer")).ToJson();

        Assert.Contains("\"arn:aws:s3:::loyalty-platform-analytics/daily-rewards-shadow/*\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"arn:aws:s3:::loyalty-platform-analytics/daily-rewards/*\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"arn:aws:s3:::loyalty-platform-analytics/*\"", policy, StringComparison.Ordinal);
    }
}
