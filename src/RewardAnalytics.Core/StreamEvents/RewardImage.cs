using NodaTime;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// What one item image (NewImage or OldImage) contributes. An unreadable image contributes nothing, and whether an
/// image is readable depends on the image alone, so a later MODIFY or REMOVE subtracts exactly what was added.
/// </summary>
public readonly record struct RewardImage(SkipReason Error, RewardKind Kind, decimal Amount, Instant CreatedAt)
{
    public bool IsValid => Error == SkipReason.None;

    public LocalDate DayIn(DateTimeZone zone) => CreatedAt.InZone(zone).Date;

    public DailyTotals Contribution => IsValid ? DailyTotals.Of(Kind, Amount) : DailyTotals.Zero;
}
