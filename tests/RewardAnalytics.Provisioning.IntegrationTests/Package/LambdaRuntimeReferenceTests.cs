using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>
/// Amazon.Lambda.Core must be in the deployment package's deps.json (the managed runtime's loader is built against it
/// and the function's deps.json is its only manifest), yet it is not served here. So it is referenced only behind
/// <c>IncludeLambdaRuntimeReferences=true</c>, which only the publish <c>pulumi up</c> runs sets. These tests evaluate
/// the projects with <c>dotnet msbuild -getItem</c> (an evaluation: nothing is restored or downloaded).
/// </summary>
public sealed class LambdaRuntimeReferenceTests
{
    public const string Property = "IncludeLambdaRuntimeReferences";
    public const string Package = "Amazon.Lambda.Core";

    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void The_publish_that_pulumi_up_runs_sets_the_property_unless_a_build_turns_it_off()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "pulumi", "RewardAnalytics.Infrastructure.csproj"));
        var target = Assert.Single(project.Descendants("Target"), t => (string?)t.Attribute("Name") == "PublishFunctions");
        Assert.Equal("Build", (string?)target.Attribute("BeforeTargets"));

        var command = (string?)Assert.Single(target.Elements("Exec")).Attribute("Command") ?? string.Empty;

        Assert.Contains("dotnet publish", command, StringComparison.Ordinal);
        Assert.Contains(FunctionPackage.FunctionsProject, command, StringComparison.Ordinal);
        Assert.Contains($"-p:{Property}=$({Property})", command, StringComparison.Ordinal);
        var setting = Assert.Single(project.Descendants(Property));
        Assert.Equal(("true", $"'$({Property})' == ''"), (setting.Value, (string?)setting.Attribute("Condition")));
    }

    [Fact]
    public void The_publish_that_ci_runs_does_not_set_the_property_because_the_package_is_not_served_here()
    {
        var ci = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "run"));

        Assert.Contains("dotnet publish src/RewardAnalytics.Functions", ci, StringComparison.Ordinal);
        Assert.DoesNotContain(Property, ci, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_property_the_functions_reference_Amazon_Lambda_Core_for_the_runtime_only_at_the_pinned_version()
    {
        var items = await EvaluateFunctionsAsync($"-p:{Property}=true");

        var reference = Assert.Single(items.References, r => r.Identity == Package);
        Assert.Equal("runtime", reference.Metadata("IncludeAssets")); // in deps.json, invisible to the compiler
        Assert.Null(reference.Metadata("VersionOverride"));
        Assert.Null(reference.Metadata("Version"));
        var pinned = PinnedVersion(Package);
        Assert.Matches(new Regex(@"^2\.\d+\.\d+$"), pinned); // an exact stable 2.x, never a range or a float
        Assert.Equal(pinned, Assert.Single(items.Versions, v => v.Identity == Package).Metadata("Version"));
    }

    [Fact]
    public async Task Without_the_property_the_functions_do_not_reference_Amazon_Lambda_Core()
    {
        var items = await EvaluateFunctionsAsync();

        Assert.NotEmpty(items.References);
        Assert.DoesNotContain(items.References, r => r.Identity.StartsWith("Amazon.Lambda", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_source_in_the_package_uses_an_Amazon_Lambda_type()
    {
        var packaged = new[] { "RewardAnalytics.Functions", "RewardAnalytics.Aws", "RewardAnalytics.Core" };
        var offenders = packaged
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"(using\s+(static\s+)?|global::|[^\w.])Amazon\.Lambda\b"))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // The package is absent from every build but the deployment publish: code using it would compile only there.
        Assert.True(offenders.Count == 0, "Amazon.Lambda types used in packaged code:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    private static string PinnedVersion(string package)
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"));
        var pin = Assert.Single(props.Descendants("PackageVersion"), p => (string?)p.Attribute("Include") == package);
        return (string?)pin.Attribute("Version") ?? string.Empty;
    }

    private static async Task<(IReadOnlyList<EvaluatedItem> References, IReadOnlyList<EvaluatedItem> Versions)> EvaluateFunctionsAsync(params string[] properties)
    {
        var run = await ProcessRun.RunAsync("dotnet",
            ["msbuild", Path.Combine(Repository.Root, FunctionPackage.FunctionsProject, "RewardAnalytics.Functions.csproj"),
             "-getItem:PackageReference", "-getItem:PackageVersion", "-nologo", .. properties],
            EvaluationTimeout);
        Assert.True(run.ExitCode == 0, run.ToString());

        using var json = JsonDocument.Parse(run.StandardOutput);
        var items = json.RootElement.GetProperty("Items");
        return (Read(items, "PackageReference"), Read(items, "PackageVersion"));

        static IReadOnlyList<EvaluatedItem> Read(JsonElement items, string type) => items.TryGetProperty(type, out var list)
            ? list.EnumerateArray().Select(EvaluatedItem.From).ToList()
            : [];
    }
}
