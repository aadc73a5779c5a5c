using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Which records count, on plain change values: the change's own skip classification.</summary>
public sealed class StreamChangeTests
{
    private static readonly SequenceNumber Seq = SequenceNumber.Parse("100");
    private static readonly RewardImage Readable = new(SkipReason.None, RewardKind.Issued, 10.5m, Instant.FromUtc(2023, 11, 15, 12, 0));
    private static readonly RewardImage Unreadable = new(SkipReason.AmountNegative, default, 0m, default);

    [Fact]
    public void A_record_without_the_image_its_event_needs_or_with_an_unknown_event_name_is_skipped_for_that()
    {
        Assert.Equal(SkipReason.MissingNewImage, new StreamChange(Seq, ChangeKind.Insert, false, null, null).SkipReason);
        Assert.Equal(SkipReason.MissingNewImage, new StreamChange(Seq, ChangeKind.Modify, false, Readable, null).SkipReason);
        Assert.Equal(SkipReason.MissingOldImage, new StreamChange(Seq, ChangeKind.Modify, false, null, Readable).SkipReason);
        Assert.Equal(SkipReason.MissingOldImage, new StreamChange(Seq, ChangeKind.Remove, true, null, null).SkipReason);
        Assert.Equal(SkipReason.UnknownEventName, new StreamChange(Seq, ChangeKind.Unknown, false, Readable, Readable).SkipReason);
    }

    [Fact]
    public void A_record_is_judged_by_its_new_image_so_a_remove_of_an_unreadable_reward_is_not_reported_again()
    {
        Assert.Equal(SkipReason.AmountNegative, new StreamChange(Seq, ChangeKind.Insert, false, null, Unreadable).SkipReason);
        Assert.Equal(SkipReason.AmountNegative, new StreamChange(Seq, ChangeKind.Modify, false, Readable, Unreadable).SkipReason);
        Assert.Equal(SkipReason.None, new StreamChange(Seq, ChangeKind.Modify, false, Unreadable, Readable).SkipReason);
        Assert.Equal(SkipReason.None, new StreamChange(Seq, ChangeKind.Remove, false, Unreadable, null).SkipReason);
    }
}
