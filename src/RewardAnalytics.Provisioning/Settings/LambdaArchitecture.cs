namespace RewardAnalytics.Provisioning.Settings;

/// <summary>Lambda's instruction set architectures and the .NET runtime identifier each one is published for.</summary>
public static class LambdaArchitecture
{
    /// <summary>Graviton (the default: cheaper per millisecond).</summary>
    public const string Arm64 = "arm64";
    /// <summary>Intel/AMD.</summary>
    public const string X8664 = "x86_64";

    /// <summary>The <c>dotnet publish -r</c> runtime identifier of an architecture.</summary>
    public static string RuntimeIdentifier(string architecture) => architecture switch
    {
        Arm64 => "linux-arm64",
        X8664 => "linux-x64",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "expected 'arm64' or 'x86_64'"),
    };

    /// <summary>
    /// What <c>pulumi up</c> says when the package for the stack's architecture was not published: the runtime identifier
    /// that architecture needs (the Pulumi project publishes linux-arm64 unless FunctionsRuntimeIdentifier says otherwise).
    /// </summary>
    public static string MissingPackageMessage(string architecture, string directory)
    {
        var runtimeIdentifier = RuntimeIdentifier(architecture);
        var setting = architecture == Arm64
            ? $"leave FunctionsRuntimeIdentifier unset or set it to {runtimeIdentifier}"
            : $"set FunctionsRuntimeIdentifier={runtimeIdentifier}";
        return $"No functions package for {architecture} in {directory}: the Pulumi project's build publishes it; for {architecture} " +
               $"{setting} in the environment of pulumi up.";
    }
}
