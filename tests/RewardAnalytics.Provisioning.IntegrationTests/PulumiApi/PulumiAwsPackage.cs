using System.Diagnostics;

namespace RewardAnalytics.Provisioning.IntegrationTests.PulumiApi;

/// <summary>
/// The <c>@pulumi/aws</c> package pinned by <c>tools/pulumi-schema-check/</c> (package.json + lock), installed with
/// <c>npm ci</c> when missing. Loaded once per test run; a failure to install fails the tests that need it, with the reason.
/// </summary>
public sealed class PulumiAwsPackage
{
    public const string ToolDirectory = "tools/pulumi-schema-check";
    private static readonly Lazy<PulumiAwsPackage> Shared = new(() => new PulumiAwsPackage(Repository.Root));

    private PulumiAwsPackage(string repositoryRoot)
    {
        var tool = Path.Combine(repositoryRoot, ToolDirectory);
        PackageDirectory = Path.Combine(tool, "node_modules", "@pulumi", "aws");
        if (!File.Exists(Path.Combine(PackageDirectory, "package.json")))
        {
            NpmCi(tool);
        }

        Version = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PackageDirectory, "package.json"))).RootElement.GetProperty("version").GetString()!;
        Declarations = TypeScriptDeclarations.Load(PackageDirectory);
    }

    public static PulumiAwsPackage Instance => Shared.Value;

    public string PackageDirectory { get; }
    public string Version { get; }
    public TypeScriptDeclarations Declarations { get; }

    private static void NpmCi(string directory)
    {
        var start = new ProcessStartInfo("npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started: install Node.js 20+ with npm.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' in {directory} failed ({process.ExitCode}): {stderr.Result.Trim()}");
        }
    }
}
