using RewardAnalytics.Provisioning.Iam;

namespace RewardAnalytics.Provisioning.Tests.Iam;

public sealed class PublicAccessBlockTests
{
    [Fact]
    public void Public_access_is_fully_blocked()
    {
        var block = PublicAccessBlock.FullyBlocked;

        Assert.True(block.BlockPublicAcls && block.BlockPublicPolicy && block.IgnorePublicAcls && block.RestrictPublicBuckets);
        Assert.True(block.IsFullyBlocked);
    }
}
