using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RewardAnalytics.Provisioning.IntegrationTests.Package;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.IntegrationTests;

/// <summary>
/// The deployment package (<c>dotnet publish -r linux-arm64 -p:PublishReadyToRun=true</c>, as .ci/run and the Pulumi
/// project's build make it) holds the assembly the handler strings name, compiled ahead of time for arm64 Linux, with the
/// handler types and methods in it. Publishes first if .ci/run has not.
/// </summary>
public sealed class FunctionPackageTests
{
    /// <summary>IMAGE_FILE_MACHINE_ARM64 xor the Linux ReadyToRun OS marker (0x7B79): how crossgen marks a linux-arm64 image.</summary>
    private const ushort LinuxArm64ReadyToRunMachine = 0xAA64 ^ 0x7B79;

    private static readonly Lazy<string> PublishDirectory = new(Publish);

    [Fact]
    public void The_package_holds_the_handler_assembly_compiled_ready_to_run_for_linux_arm64()
    {
        var dll = Path.Combine(PublishDirectory.Value, LambdaHandlers.FunctionsAssembly + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing from the package");
        Assert.True(File.Exists(Path.Combine(PublishDirectory.Value, LambdaHandlers.FunctionsAssembly + ".runtimeconfig.json")), "the runtimeconfig.json Lambda's runtime reads is missing");
        Assert.True(File.Exists(Path.Combine(PublishDirectory.Value, LambdaHandlers.FunctionsAssembly + ".deps.json")), "the deps.json Lambda's runtime reads is missing");

        using var pe = new PEReader(File.OpenRead(dll));
        Assert.Equal(LinuxArm64ReadyToRunMachine, (ushort)pe.PEHeaders.CoffHeader.Machine);
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "no ReadyToRun header: the package was not compiled ahead of time");
    }

    [Theory]
    [InlineData(LambdaHandlers.StreamAggregator)]
    [InlineData(LambdaHandlers.DailyFinalizer)]
    public void The_published_assembly_defines_the_handler_method_once(string handler)
    {
        var (_, typeName, methodName) = LambdaHandlers.Parse(handler);
        using var pe = new PEReader(File.OpenRead(Path.Combine(PublishDirectory.Value, LambdaHandlers.FunctionsAssembly + ".dll")));
        var metadata = pe.GetMetadataReader();
        var type = Assert.Single(metadata.TypeDefinitions.Select(metadata.GetTypeDefinition),
            t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}" == typeName);

        Assert.Single(type.GetMethods().Select(metadata.GetMethodDefinition), m => metadata.GetString(m.Name) == methodName);
    }

    private static string Publish() => FunctionPublish.EnsurePublished(
        Path.Combine(Repository.Root, FunctionPackage.RelativeDirectory(LambdaArchitecture.RuntimeIdentifier(LambdaArchitecture.Arm64))),
        LambdaArchitecture.RuntimeIdentifier(LambdaArchitecture.Arm64));
}
