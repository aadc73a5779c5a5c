namespace RewardAnalytics.Provisioning;

/// <summary>
/// The Pulumi packages <c>pulumi/</c> restores (pinned in <c>Directory.Packages.props</c>) and the range of the Pulumi SDK
/// that Pulumi.Aws is built against, so a test can keep the two pins compatible without reaching nuget.org.
/// </summary>
internal static class PulumiPackages
{
    /// <summary>The Pulumi .NET SDK package.</summary>
    public const string Pulumi = "Pulumi";
    /// <summary>The Pulumi AWS provider package.</summary>
    public const string PulumiAws = "Pulumi.Aws";

    /// <summary>Also the <c>@pulumi/aws</c> version whose declarations the API check reads (same provider schema).</summary>
    public const string PulumiAwsVersion = "7.48.0";

    /// <summary>
    /// The lowest Pulumi SDK the pinned Pulumi.Aws accepts, taken strictly: the bridged provider declares its SDK as
    /// <c>Pulumi 3.*</c> (packed as <c>&gt;= 3.0.0</c>), and Pulumi's .NET SDK generator, where a provider sets none, writes
    /// <c>[3.76.1.0,4)</c>. Holding the pin to the stricter of the two keeps it valid under either.
    /// </summary>
    public static readonly Version PulumiAwsMinimumPulumi = new(3, 76, 1);

    /// <summary>The first Pulumi SDK outside Pulumi.Aws's range (a new major version).</summary>
    public static readonly Version PulumiAwsPulumiUpperBoundExclusive = new(4, 0, 0);

    /// <summary>
    /// The oldest Pulumi CLI the deploy guide's import behaviour needs: since v3.174.0 the engine imports a resource and
    /// updates its differing inputs in the same run (pulumi/pulumi#19339); before it, an adopted bucket whose inputs differ
    /// from the program's fails the import. <c>Pulumi.yaml</c> states it as <c>requiredPulumiVersion</c>, which CLIs from
    /// v3.219.0 enforce and older ones ignore.
    /// </summary>
    public static readonly Version MinimumPulumiCli = new(3, 174, 0);

    /// <summary>Whether a Pulumi SDK version is one the pinned Pulumi.Aws accepts.</summary>
    public static bool PulumiAwsAccepts(Version pulumi) => pulumi >= PulumiAwsMinimumPulumi && pulumi < PulumiAwsPulumiUpperBoundExclusive;
}
