using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>Builds stack settings from a config dictionary, as <c>pulumi up</c> would from Pulumi.&lt;stack&gt;.yaml.</summary>
public static class Config
{
    public const string Project = "reward-analytics";

    public static StackSettings Settings(string stack = "dev", params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        map.TryAdd(ConfigKeys.RewardsTableName, "loyalty-rewards");
        return StackSettings.FromConfig(Project, stack, key => map.TryGetValue(key, out var v) ? v : null);
    }

    public static StackSettings Raw(string stack, params (string Key, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return StackSettings.FromConfig(Project, stack, key => map.TryGetValue(key, out var v) ? v : null);
    }
}
