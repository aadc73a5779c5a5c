namespace RewardAnalytics.Provisioning;

/// <summary>
/// Where <c>dotnet publish</c> puts the functions' deployment package (ReadyToRun, framework-dependent, for the
/// configured architecture). The Pulumi project's build, <c>.ci/run</c> and the tests all use this one path.
/// </summary>
public static class FunctionPackage
{
    /// <summary>The project that is published into the package, relative to the repository root.</summary>
    public const string FunctionsProject = "src/RewardAnalytics.Functions";

    /// <summary>The publish folder, relative to the repository root, for a runtime identifier such as linux-arm64.</summary>
    public static string RelativeDirectory(string runtimeIdentifier) => $"artifacts/functions/{runtimeIdentifier}";

    /// <summary>Finds the repository root (the folder holding <c>Pulumi.yaml</c>) at or above <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Pulumi.yaml at or above '{start}': run from a clone of the repository.");
    }
}
