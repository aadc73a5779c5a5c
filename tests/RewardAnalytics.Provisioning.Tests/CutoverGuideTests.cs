using RewardAnalytics.Provisioning.Settings;
using static RewardAnalytics.Provisioning.Tests.ShadowRun;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>docs/cutover.md gives the commands the parallel run needs, with the setting names the stack reads.</summary>
public sealed class CutoverGuideTests
{
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
