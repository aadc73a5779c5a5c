using System.Text.RegularExpressions;
using RewardAnalytics.LambdaHost;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>
/// A fresh container runs the functions' own code as ReadyToRun code, never as tier-0 JIT code: the published package
/// is started as bootstrap.sh starts it with the runtime's JIT summary on (<c>DOTNET_JitStdOutFile</c>,
/// <c>DOTNET_JitDisasmSummary</c>: every method the JIT compiles in the process), and no method of the packaged
/// assemblies may be in it. crossgen2 leaves a method to the JIT when its signature or locals hold an ABI-unstable type
/// (<see cref="UInt128"/>, <see cref="Int128"/>), so one such field in a struct of the per-record path sends the read
/// and fold of every record of the first batch through tier-0 code (docs/performance.md, "The first batch").
/// What the JIT still compiles are instantiations of the framework's generics over the project's structs
/// (<c>ArrayPool&lt;StreamChange&gt;</c>, <c>AsyncTaskMethodBuilder&lt;WatermarkWrite&gt;</c>), which no package can
/// pregenerate outside the framework's version bubble; they run once per batch, and their count is printed.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed partial class PrecompiledPathTests(LocalAwsFixture aws, ITestOutputHelper output)
{
    private static readonly string[] PackagedNamespaces = ["RewardAnalytics.Core.", "RewardAnalytics.Aws.", "RewardAnalytics.Functions."];

    [Theory]
    [InlineData(nameof(LambdaHandlers.StreamAggregator))]
    [InlineData(nameof(LambdaHandlers.DailyFinalizer))]
    public async Task No_method_of_the_package_is_compiled_by_the_JIT_in_a_fresh_process(string function)
    {
        var (handler, eventFile) = function == nameof(LambdaHandlers.StreamAggregator)
            ? (LambdaHandlers.StreamAggregator, BootstrapLaunchTests.TumblingWindowEvent)
            : (LambdaHandlers.DailyFinalizer, await WriteTempAsync("""{"date":"2023-11-15"}"""));
        var summary = Path.Combine(Path.GetTempPath(), $"jit-summary-{Guid.NewGuid():N}.txt");
        var environment = BootstrapLaunchTests.LaunchEnvironment(aws);
        environment["DOTNET_JitStdOutFile"] = summary;
        environment["DOTNET_JitDisasmSummary"] = "1";
        try
        {
            var (run, _) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, handler, eventFile, environment);
            Assert.True(run.ExitCode == LambdaHostExit.Success, run.ToString());
            Assert.True(File.Exists(summary), $"the runtime wrote no JIT summary to {summary}: DOTNET_JitStdOutFile was not honoured");

            var compiled = (await File.ReadAllLinesAsync(summary)).Select(JittedMethod).OfType<string>().ToList();
            var ours = compiled.Where(m => PackagedNamespaces.Any(n => m.StartsWith(n, StringComparison.Ordinal))).ToList();
            var overOurTypes = compiled.Count(m => !ours.Contains(m) && PackagedNamespaces.Any(n => m.Contains(n, StringComparison.Ordinal)));

            Figures.Print(output, $"precompiled_path function={function} jit_compiled_methods={compiled.Count} package_methods_jit_compiled={ours.Count} " +
                $"framework_generics_over_package_types={overOurTypes}");
            Assert.True(ours.Count == 0,
                $"ReadyToRun left {ours.Count} method(s) of the package to the JIT (run crossgen2 with --verbose for the reason):\n{string.Join('\n', ours)}");
        }
        finally
        {
            File.Delete(summary);
            if (eventFile != BootstrapLaunchTests.TumblingWindowEvent)
            {
                File.Delete(eventFile);
            }
        }
    }

    [Fact]
    public void The_summary_line_rule_reads_the_method_and_ignores_other_lines()
    {
        Assert.Equal("RewardAnalytics.Core.StreamEvents.SequenceNumber:CompareTo(RewardAnalytics.Core.StreamEvents.SequenceNumber)",
            JittedMethod("  27: JIT compiled RewardAnalytics.Core.StreamEvents.SequenceNumber:CompareTo(RewardAnalytics.Core.StreamEvents.SequenceNumber) [Tier0, IL size=47, code size=95]"));
        Assert.Null(JittedMethod("something else"));
    }

    /// <summary>The method of one line of the runtime's JIT summary (<c>N: JIT compiled Type:Method(args) [Tier, ...]</c>).</summary>
    private static string? JittedMethod(string line) =>
        SummaryLine().Match(line) is { Success: true } m ? m.Groups["method"].Value : null;

    private static async Task<string> WriteTempAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    [GeneratedRegex(@"^\s*\d+: JIT compiled (?<method>.+?) \[[^\]]*\]\s*$")]
    private static partial Regex SummaryLine();
}
