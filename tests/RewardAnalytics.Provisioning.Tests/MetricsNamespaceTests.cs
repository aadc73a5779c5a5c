using System.Text.Json;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Provisioning.Monitoring;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>
/// The cutover's parallel run: the old job publishes TotalIssuedRewards, TotalRedeemedRewards and NetRewards in
/// <c>LoyaltyPlatform/Rewards</c>; <c>metricsNamespace: LoyaltyPlatform/Rewards/Shadow</c> sends the finalizer's daily
/// metrics, and the dashboard's daily widgets, where they cannot add to the old job's sums.
/// </summary>
public sealed class MetricsNamespaceTests
{
    private const string Shadow = "LoyaltyPlatform/Rewards/Shadow";

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
    public void The_dashboards_daily_widgets_read_the_configured_namespace_and_the_aggregators_stay_in_the_services()
    {
        var settings = Config.Settings("prod", (ConfigKeys.MetricsNamespace, Shadow));
        var body = JsonDocument.Parse(DashboardBody.Build(settings, "eu-west-1", "uuid", "arn:aws:lambda:eu-west-1:123456789012:function:totals")).RootElement;

        var metrics = body.GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric")
            .SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray()).ToList();
        var daily = metrics.Where(m => DashboardBody.DailyAmountMetrics.Concat(DashboardBody.DailyCountMetrics).Contains(m[1].GetString())).ToList();

        Assert.Equal(5, daily.Count);
        Assert.Contains(daily, m => m[1].GetString() == EmfDayMetrics.TotalIssuedRewards);
        Assert.All(daily, m => Assert.Equal(Shadow, m[0].GetString()));
        Assert.All(daily, m => Assert.Equal(("Environment", "prod"), (m[2].GetString(), m[3].GetString())));
        Assert.All(metrics.Where(m => DashboardBody.AggregatorMetrics.Contains(m[1].GetString())),
            m => Assert.Equal("LoyaltyPlatform/Rewards", m[0].GetString()));
    }

    [Fact]
    public void The_cutover_guide_sets_the_shadow_namespace_at_the_shadow_deploy_and_the_default_back_at_the_switch()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "cutover.md"));
        var shadowDeploy = guide[guide.IndexOf("## 2. ", StringComparison.Ordinal)..guide.IndexOf("## 3. ", StringComparison.Ordinal)];
        var backfill = guide[guide.IndexOf("## 3. ", StringComparison.Ordinal)..guide.IndexOf("## 4. ", StringComparison.Ordinal)];
        var @switch = guide[guide.IndexOf("## 5. ", StringComparison.Ordinal)..];

        Assert.Contains($"pulumi config set reward-analytics:{ConfigKeys.MetricsNamespace} {Shadow} -s prod", shadowDeploy, StringComparison.Ordinal);
        Assert.Contains($"METRICS_NAMESPACE={Shadow}", backfill, StringComparison.Ordinal);
        Assert.Contains($"pulumi config rm reward-analytics:{ConfigKeys.MetricsNamespace} -s prod", @switch, StringComparison.Ordinal);
    }
}
