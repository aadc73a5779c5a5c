using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>The delta rules on plain change values: what a TTL expiry is (which records count: <c>StreamChangeTests</c>).</summary>
public sealed class ChangeDeltaRuleTests
{
    private static readonly SequenceNumber Seq = SequenceNumber.Parse("100");
    private static readonly RewardImage Readable = new(SkipReason.None, RewardKind.Issued, 10.5m, Instant.FromUtc(2023, 11, 15, 12, 0));

    [Fact]
    public void Only_a_remove_by_the_TTL_service_with_its_old_image_is_an_expiry()
    {
        Assert.True(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, false, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, null, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Modify, true, Readable, Readable)));
    }
}
