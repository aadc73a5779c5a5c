using System.Reflection;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>
/// Starts a published package the way the managed runtime's bootstrap.sh does: <c>dotnet exec --depsfile
/// &lt;package&gt;/&lt;assembly&gt;.deps.json --runtimeconfig &lt;package&gt;/&lt;assembly&gt;.runtimeconfig.json
/// &lt;loader&gt;.dll &lt;handler&gt;</c>, with the test host (tests/RewardAnalytics.LambdaHost) as the loader in place of
/// /var/runtime/Amazon.Lambda.RuntimeSupport.dll, plus the event and response files the host takes.
/// </summary>
public static class BootstrapLaunch
{
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The host's assembly in its own build output (the path is written into this test assembly at build).</summary>
    public static string HostAssembly { get; } = typeof(BootstrapLaunch).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LambdaHostAssembly").Value!;

    /// <summary>The host's own runtimeconfig.json: what a launch that ignores the function's gets.</summary>
    public static string HostRuntimeConfig => Path.ChangeExtension(HostAssembly, ".runtimeconfig.json");

    public static string DepsFile(string package) => Path.Combine(package, LambdaHandlers.FunctionsAssembly + ".deps.json");

    public static string RuntimeConfig(string package) => Path.Combine(package, LambdaHandlers.FunctionsAssembly + ".runtimeconfig.json");

    /// <summary>
    /// Launches <paramref name="handler"/> on <paramref name="eventFile"/>; <paramref name="runtimeConfig"/> is the
    /// package's unless given (an empty string leaves the option out, as a launch without it would).
    /// </summary>
    public static async Task<(ProcessRun Run, string? Response)> RunAsync(string package, string handler, string eventFile,
        IReadOnlyDictionary<string, string?> environment, string? runtimeConfig = null)
    {
        Assert.True(File.Exists(HostAssembly), $"the Lambda test host was not built: {HostAssembly}");
        var responseFile = Path.Combine(Path.GetTempPath(), $"lambda-response-{Guid.NewGuid():N}.json");
        runtimeConfig ??= RuntimeConfig(package);
        List<string> arguments = ["exec", "--depsfile", DepsFile(package)];
        if (runtimeConfig.Length > 0)
        {
            arguments.AddRange(["--runtimeconfig", runtimeConfig]);
        }

        arguments.AddRange([HostAssembly, handler, eventFile, responseFile]);
        try
        {
            var run = await ProcessRun.RunAsync("dotnet", arguments, LaunchTimeout, environment, workingDirectory: package);
            return (run, File.Exists(responseFile) ? await File.ReadAllTextAsync(responseFile) : null);
        }
        finally
        {
            File.Delete(responseFile);
        }
    }
}
