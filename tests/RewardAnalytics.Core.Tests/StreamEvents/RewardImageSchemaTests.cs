using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>The reward attributes' names a stream image is read by.</summary>
public sealed class RewardImageSchemaTests
{
    [Fact]
    public void The_default_schema_uses_the_documented_attribute_names()
    {
        Assert.Equal(("type", "amount", "createdAt"), (RewardImageSchema.Default.TypeAttribute, RewardImageSchema.Default.AmountAttribute, RewardImageSchema.Default.CreatedAtAttribute));
    }
}
