using System.Text.Json;
using System.Xml.Linq;

namespace RewardAnalytics.Provisioning.Tests;

/// <summary>The Pulumi and Pulumi.Aws pins in Directory.Packages.props go together, and the API check reads the same schema.</summary>
public sealed class PulumiPackagesTests
{
    private static readonly Dictionary<string, string> Pins = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
        .Descendants("PackageVersion")
        .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);

    [Fact]
    public void The_pinned_pulumi_sdk_is_in_the_range_the_pinned_pulumi_aws_accepts()
    {
        Assert.Equal(PulumiPackages.PulumiAwsVersion, Pins[PulumiPackages.PulumiAws]);
        var pulumi = Version.Parse(Pins[PulumiPackages.Pulumi]);

        Assert.True(PulumiPackages.PulumiAwsAccepts(pulumi),
            $"Pulumi {pulumi} is outside [{PulumiPackages.PulumiAwsMinimumPulumi}, {PulumiPackages.PulumiAwsPulumiUpperBoundExclusive}), the range Pulumi.Aws {PulumiPackages.PulumiAwsVersion} accepts");
    }

    [Theory]
    [InlineData("3.76.0", false)]
    [InlineData("3.76.1", true)]
    [InlineData("3.101.2", true)]
    [InlineData("4.0.0", false)]
    public void Pulumi_aws_accepts_pulumi_3_from_3_76_1(string version, bool accepted)
    {
        Assert.Equal(accepted, PulumiPackages.PulumiAwsAccepts(Version.Parse(version)));
    }

    [Fact]
    public void The_api_check_reads_the_declarations_of_the_pinned_pulumi_aws_version()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tools", "pulumi-schema-check", "package.json")));

        Assert.Equal(Pins[PulumiPackages.PulumiAws], package.RootElement.GetProperty("dependencies").GetProperty("@pulumi/aws").GetString());
    }

    [Fact]
    public void The_project_file_and_the_readme_state_the_pulumi_cli_the_import_behaviour_needs()
    {
        var project = File.ReadAllLines(Path.Combine(Repository.Root, "Pulumi.yaml"));
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var minimum = PulumiPackages.MinimumPulumiCli.ToString(3);

        Assert.Equal("3.174.0", minimum);
        Assert.Contains($"requiredPulumiVersion: \">={minimum}\"", project);
        Assert.Contains($"Pulumi CLI ≥ {minimum}", readme, StringComparison.Ordinal);
    }
}
