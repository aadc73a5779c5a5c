using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Provisioning.IntegrationTests;

/// <summary>The tests of this assembly that share one pair of local emulators (the launched package talks to them).</summary>
[CollectionDefinition(Name)]
public sealed class LocalAwsCollection : ICollectionFixture<LocalAwsFixture>
{
    public const string Name = "local-aws";
}
