using System.Runtime.InteropServices;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>
/// Publishes the functions as the deployment package is published (<c>dotnet publish -r RID
/// -p:PublishReadyToRun=true --self-contained false</c>, as .ci/run does), unless the folder already holds a package
/// newer than every source and project file of the packaged projects. One publish at a time: two at once would race
/// on the projects' restore outputs.
/// </summary>
public static class FunctionPublish
{
    /// <summary>The projects whose code is in the package: a source newer than the package means it is stale.</summary>
    private static readonly string[] PackagedProjects = ["RewardAnalytics.Functions", "RewardAnalytics.Aws", "RewardAnalytics.Core"];

    /// <summary>The repository-wide build files that shape the package too (properties, pinned versions).</summary>
    private static readonly string[] RepositoryBuildFiles = ["Directory.Build.props", "Directory.Packages.props"];

    private static readonly Lock Gate = new();
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The package for this machine, published once per test run (or reused while it is newer than every input).</summary>
    public static string MachinePackage => MachinePackageLazy.Value;

    private static readonly Lazy<string> MachinePackageLazy = new(() => EnsurePublished(
        Path.Combine(Repository.Root, "artifacts", "lambda-host-test", MachineRuntimeIdentifier), MachineRuntimeIdentifier));

    /// <summary>This machine's portable runtime identifier (linux-x64, linux-arm64, osx-arm64, …).</summary>
    public static string MachineRuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsWindows() ? "win"
                : throw new PlatformNotSupportedException(RuntimeInformation.OSDescription);
            return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        }
    }

    /// <summary>Publishes into <paramref name="directory"/> (absolute) for <paramref name="runtimeIdentifier"/> if stale; returns it.</summary>
    public static string EnsurePublished(string directory, string runtimeIdentifier)
    {
        lock (Gate)
        {
            var published = new FileInfo(Path.Combine(directory, LambdaHandlers.FunctionsAssembly + ".dll"));
            if (published.Exists && published.LastWriteTimeUtc >= NewestInput())
            {
                return directory; // .ci/run published it (or an earlier run did, from the same sources)
            }

            var run = ProcessRun.RunAsync("dotnet",
                ["publish", Path.Combine(Repository.Root, FunctionPackage.FunctionsProject), "-c", "Release", "-r", runtimeIdentifier,
                 "-p:PublishReadyToRun=true", "--self-contained", "false", "-o", directory, "-nologo"],
                PublishTimeout).GetAwaiter().GetResult();
            return run.ExitCode == 0 ? directory : throw new InvalidOperationException($"dotnet publish failed: {run}");
        }
    }

    private static DateTime NewestInput() => PackagedProjects
        .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", p), "*.*", SearchOption.AllDirectories))
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Concat(RepositoryBuildFiles.Select(f => Path.Combine(Repository.Root, f)))
        .Max(File.GetLastWriteTimeUtc);
}
