using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// The delta rules, in one place: a change adds <c>contribution(NewImage) − contribution(OldImage)</c> to the days of its
/// images (a MODIFY that moves a reward's day takes it off one day and adds it to the other), a TTL expiry is history
/// and changes no total. Whether a record can count at all is the change's own (<see cref="StreamChange.SkipReason"/>).
/// </summary>
public static class ChangeDelta
{
    /// <summary>True for a REMOVE made by DynamoDB's TTL: it changes no total; what expired is tallied apart.</summary>
    public static bool IsExpiry(in StreamChange change) =>
        change is { Kind: ChangeKind.Remove, IsTtlExpiry: true, OldImage: not null };

    /// <summary>Computes what <paramref name="change"/> does to each day it touches: none, one or two entries.</summary>
    internal static int Apply(in StreamChange change, ref ZoneDayCache days, out DeltaEntry first, out DeltaEntry second)
    {
        first = second = default;
        if (change.MissingPart != SkipReason.None)
        {
            return 0;
        }

        var oldImage = change.OldImage.GetValueOrDefault();
        var newImage = change.NewImage.GetValueOrDefault();
        if (IsExpiry(change))
        {
            // Expiry is history, not a correction: the reward still counts on its day. What expired is tallied apart,
            // because the table no longer holds it and a full scan cannot see it.
            if (!oldImage.IsValid)
            {
                return 0;
            }

            first = new DeltaEntry(change.Sequence, days.DayOf(oldImage.CreatedAt), DailyTotals.Zero, oldImage.Contribution);
            return 1;
        }

        var removesOld = change.Kind != ChangeKind.Insert && change.OldImage.HasValue && oldImage.IsValid;
        var addsNew = change.Kind != ChangeKind.Remove && change.NewImage.HasValue && newImage.IsValid;
        var oldDay = removesOld ? days.DayOf(oldImage.CreatedAt) : default;
        var newDay = addsNew ? days.DayOf(newImage.CreatedAt) : default;
        if (removesOld && addsNew && oldDay == newDay)
        {
            var delta = newImage.Contribution - oldImage.Contribution;
            if (delta.IsZero)
            {
                return 0;
            }

            first = new DeltaEntry(change.Sequence, oldDay, delta);
            return 1;
        }

        var count = 0;
        if (removesOld)
        {
            first = new DeltaEntry(change.Sequence, oldDay, -oldImage.Contribution);
            count++;
        }

        if (addsNew)
        {
            var entry = new DeltaEntry(change.Sequence, newDay, newImage.Contribution);
            if (count == 0)
            {
                first = entry;
            }
            else
            {
                second = entry;
            }

            count++;
        }

        return count;
    }
}
