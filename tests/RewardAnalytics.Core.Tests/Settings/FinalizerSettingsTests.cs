using NodaTime;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core.Tests.Settings;

/// <summary>The finalizer's settings from its environment: defaults, the metrics namespace, and every problem reported at once.</summary>
public sealed class FinalizerSettingsTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    [Fact]
    public void Settings_default_to_utc_the_daily_rewards_prefix_and_three_recheck_days()
    {
        var settings = FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "reward-aggregates",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
        }));

        Assert.Equal(("reward-aggregates", "reward-analytics", "UTC", "daily-rewards/", 3, (string?)null),
            (settings.AggregatesTable, settings.AnalyticsBucket, settings.ReportTimeZone.Id, settings.ReportPrefix, settings.RecheckDays, settings.MetricsEnvironment));
        Assert.Equal("daily-rewards/2023-11-15.json", settings.ReportKey(Day));
    }

    [Theory]
    [InlineData(null, "LoyaltyPlatform/Rewards")]
    [InlineData("LoyaltyPlatform/Rewards/Shadow", "LoyaltyPlatform/Rewards/Shadow")]
    [InlineData("Team #1: rewards.v2_x-y", "Team #1: rewards.v2_x-y")]
    public void The_metrics_namespace_defaults_to_the_service_namespace_and_takes_any_cloudwatch_namespace(string? value, string expected)
    {
        var environment = new Dictionary<string, string> { ["AGGREGATES_TABLE"] = "t", ["ANALYTICS_BUCKET"] = "reward-analytics" };
        if (value is not null)
        {
            environment["METRICS_NAMESPACE"] = value;
        }

        Assert.Equal(expected, FinalizerSettings.FromEnvironment(EnvironmentReader.From(environment)).MetricsNamespace);
    }

    [Theory]
    [InlineData("AWS/Lambda", "METRICS_NAMESPACE is 'AWS/Lambda': namespaces starting with 'AWS/' are reserved for AWS services; expected one of the service's own, such as 'LoyaltyPlatform/Rewards'")]
    [InlineData("Rewards|Shadow", "METRICS_NAMESPACE is 'Rewards|Shadow': expected a CloudWatch namespace of 1 to 255 characters (letters, digits, '.', '-', '_', '/', '#', ':' and spaces), such as 'LoyaltyPlatform/Rewards' or 'LoyaltyPlatform/Rewards/Shadow'")]
    public void A_metrics_namespace_cloudwatch_would_refuse_is_refused_at_start_up(string value, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
            ["METRICS_NAMESPACE"] = value,
        })));

        Assert.Equal([problem], error.Problems);
    }

    [Fact]
    public void A_metrics_namespace_longer_than_255_characters_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["ANALYTICS_BUCKET"] = "reward-analytics",
            ["METRICS_NAMESPACE"] = new string('a', 256),
        })));

        Assert.StartsWith("METRICS_NAMESPACE is 'aaaa", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_bucket_name_is_reported_with_the_other_problems()
    {
        var error = Assert.Throws<SettingsException>(() => FinalizerSettings.FromEnvironment(EnvironmentReader.From(new Dictionary<string, string>
        {
            ["ANALYTICS_BUCKET"] = "Reward_Analytics",
            ["RECHECK_DAYS"] = "-1",
        })));

        Assert.Equal(
        [
            "ANALYTICS_BUCKET is 'Reward_Analytics': expected an S3 bucket name (3–63 characters: lower-case letters, digits, '.' and '-')",
            "AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table",
            "RECHECK_DAYS is '-1': expected a whole number from 0 to 31",
        ], error.Problems);
    }
}
