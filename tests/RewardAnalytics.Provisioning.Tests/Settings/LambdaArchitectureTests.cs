using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning.Tests.Settings;

public sealed class LambdaArchitectureTests
{
    [Theory]
    [InlineData("arm64", "linux-arm64")]
    [InlineData("x86_64", "linux-x64")]
    public void Each_architecture_is_published_for_its_runtime_identifier(string architecture, string runtimeIdentifier)
    {
        Assert.Equal(runtimeIdentifier, LambdaArchitecture.RuntimeIdentifier(architecture));
        Assert.Equal($"artifacts/functions/{runtimeIdentifier}", FunctionPackage.RelativeDirectory(runtimeIdentifier));
    }

    [Theory]
    [InlineData("arm64", "No functions package for arm64 in /repo/artifacts/functions/linux-arm64: the Pulumi project's build publishes it; for arm64 leave FunctionsRuntimeIdentifier unset or set it to linux-arm64 in the environment of pulumi up.")]
    [InlineData("x86_64", "No functions package for x86_64 in /repo/artifacts/functions/linux-x64: the Pulumi project's build publishes it; for x86_64 set FunctionsRuntimeIdentifier=linux-x64 in the environment of pulumi up.")]
    public void A_missing_package_names_the_runtime_identifier_of_the_stacks_architecture(string architecture, string expected)
    {
        var directory = "/repo/" + FunctionPackage.RelativeDirectory(LambdaArchitecture.RuntimeIdentifier(architecture));

        var message = LambdaArchitecture.MissingPackageMessage(architecture, directory);

        Assert.Equal(expected, message);
        Assert.DoesNotContain("x86_64 set FunctionsRuntimeIdentifier=linux-arm64", message, StringComparison.Ordinal);
    }
}
