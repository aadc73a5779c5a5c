using NodaTime;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>The delta rules on plain change values: which records count, and what a TTL expiry is.</summary>
public sealed class ChangeDeltaRuleTests
{
    private static readonly SequenceNumber Seq = SequenceNumber.Parse("100");
    private static readonly RewardImage Readable = new(SkipReason.None, RewardKind.Issued, 10.5m, Instant.FromUtc(2023, 11, 15, 12, 0));
    private static readonly RewardImage Unreadable = new(SkipReason.AmountNegative, default, 0m, default);

    [Fact]
    public void A_record_without_the_image_its_event_needs_or_with_an_unknown_event_name_is_skipped_for_that()
    {
        Assert.Equal(SkipReason.MissingNewImage, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Insert, false, null, null)));
        Assert.Equal(SkipReason.MissingNewImage, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Modify, false, Readable, null)));
        Assert.Equal(SkipReason.MissingOldImage, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Modify, false, null, Readable)));
        Assert.Equal(SkipReason.MissingOldImage, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Remove, true, null, null)));
        Assert.Equal(SkipReason.UnknownEventName, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Unknown, false, Readable, Readable)));
    }

    [Fact]
    public void A_record_is_judged_by_its_new_image_so_a_remove_of_an_unreadable_reward_is_not_reported_again()
    {
        Assert.Equal(SkipReason.AmountNegative, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Insert, false, null, Unreadable)));
        Assert.Equal(SkipReason.AmountNegative, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Modify, false, Readable, Unreadable)));
        Assert.Equal(SkipReason.None, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Modify, false, Unreadable, Readable)));
        Assert.Equal(SkipReason.None, ChangeDelta.SkipReasonOf(new StreamChange(Seq, ChangeKind.Remove, false, Unreadable, null)));
    }

    [Fact]
    public void Only_a_remove_by_the_TTL_service_with_its_old_image_is_an_expiry()
    {
        Assert.True(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, false, Readable, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Remove, true, null, null)));
        Assert.False(ChangeDelta.IsExpiry(new StreamChange(Seq, ChangeKind.Modify, true, Readable, Readable)));
    }
}
