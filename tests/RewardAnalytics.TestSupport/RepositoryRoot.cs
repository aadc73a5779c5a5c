namespace RewardAnalytics.TestSupport;

/// <summary>The clone the tests run in: the folder holding <c>RewardAnalytics.sln</c>, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "RewardAnalytics.sln";

    /// <summary>The repository root's full path.</summary>
    public static string FullPath { get; } = Find(AppContext.BaseDirectory);

    /// <summary>A path inside the repository, from its parts relative to the root (<c>"docs", "finalizer.md"</c>).</summary>
    public static string Combine(params string[] relativeParts) => Path.Combine([FullPath, .. relativeParts]);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} at or above '{start}': run the tests from a clone of the repository.");
    }
}
