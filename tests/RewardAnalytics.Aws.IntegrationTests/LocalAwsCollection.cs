using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests;

/// <summary>The tests of this assembly that share one pair of local emulators.</summary>
[CollectionDefinition(Name)]
public sealed class LocalAwsCollection : ICollectionFixture<LocalAwsFixture>
{
    public const string Name = "local-aws";
}
