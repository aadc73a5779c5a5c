using NodaTime;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// What one item image (NewImage or OldImage) contributes. An unreadable image contributes nothing, and whether an
/// image is readable depends on the image alone, so a later MODIFY or REMOVE subtracts exactly what was added.
/// </summary>
public readonly record struct RewardImage(SkipReason Error, RewardKind Kind, decimal Amount, Instant CreatedAt)
{
    /// <summary>True when the image can count (no <see cref="Error"/>).</summary>
    public bool IsValid => Error == SkipReason.None;

    /// <summary>The calendar day the reward counts toward: the date of its creation time in <paramref name="zone"/>.</summary>
    public LocalDate DayIn(DateTimeZone zone) => CreatedAt.InZone(zone).Date;

    /// <summary>What the image adds to its day: its kind's amount and count, or nothing when it is unreadable.</summary>
    public DailyTotals Contribution => IsValid ? DailyTotals.Of(Kind, Amount) : DailyTotals.Zero;
}
