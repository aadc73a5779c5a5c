using System.Text.RegularExpressions;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>Pulumi.dev.yaml and Pulumi.prod.yaml name every setting (commented where the default applies) and are valid.</summary>
public sealed partial class StackFileTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_stack_file_documents_every_setting_and_its_values_are_valid(string stack)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, $"Pulumi.{stack}.yaml"));
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var match = SettingLine().Match(line);
            if (match.Success)
            {
                documented.Add(match.Groups["key"].Value);
                if (!match.Groups["comment"].Success)
                {
                    set[match.Groups["key"].Value] = match.Groups["value"].Value.Trim().Trim('"');
                }
            }
        }

        var keys = typeof(ConfigKeys).GetFields().Select(f => (string)f.GetValue(null)!);
        Assert.Empty(keys.Except(documented));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("aws:region:", StringComparison.Ordinal));

        var settings = StackSettings.FromConfig(Config.Project, stack, key => set.TryGetValue(key, out var v) ? v : null);
        Assert.Equal(stack == "prod", settings.DeletionProtection);
    }

    [GeneratedRegex(@"^\s*(?<comment>#\s*)?reward-analytics:(?<key>\w+):\s*(?<value>.*)$")]
    private static partial Regex SettingLine();
}
