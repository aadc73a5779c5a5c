namespace RewardAnalytics.Provisioning.Tests;

/// <summary>The repository the tests run in (the folder holding Pulumi.yaml).</summary>
public static class Repository
{
    public static string Root { get; } = FunctionPackage.FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>The Pulumi program's C# files, as (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> PulumiProgram() =>
        Directory.EnumerateFiles(Path.Combine(Root, "pulumi"), "*.cs", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();
}
