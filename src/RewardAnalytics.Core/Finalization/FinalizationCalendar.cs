using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Finalization;

/// <summary>The finalizer's calendar rules: which day a run targets, which days it re-checks, when metrics are stamped.</summary>
public static class FinalizationCalendar
{
    /// <summary>CloudWatch accepts metric data up to two weeks old.</summary>
    public static readonly Duration MetricsAcceptanceWindow = Duration.FromDays(14);

    /// <summary>Room for the log pipeline's delivery delay, so a line is never stamped right at CloudWatch's edge.</summary>
    public static readonly Duration MetricsSafetyMargin = Duration.FromHours(1);

    /// <summary>The requested day, or yesterday in the zone; a day that has not ended yet is refused.</summary>
    public static LocalDate ResolveTarget(LocalDate? requested, Instant now, DateTimeZone zone)
    {
        var today = ReportCalendar.Today(now, zone);
        var target = requested ?? today.PlusDays(-1);
        if (target >= today)
        {
            var when = target == today ? "today" : "in the future";
            throw new FinalizationRequestException(
                $"{IsoDate.Format(target)} is {when} in {zone.Id} (today is {IsoDate.Format(today)}): " +
                "only a day that has ended can be finalized");
        }

        return target;
    }

    /// <summary>
    /// The target day first, then the <paramref name="recheckDays"/> days before it, newest first; never a day before
    /// <see cref="CreatedAt.FirstDay"/>, so a run writes no report that <c>report</c> and the totals API would refuse.
    /// </summary>
    public static IReadOnlyList<LocalDate> DaysToCheck(LocalDate target, int recheckDays) =>
        Enumerable.Range(0, recheckDays + 1).Select(back => target.PlusDays(-back)).TakeWhile(CreatedAt.IsRewardDay).ToArray();

    /// <summary>Noon of the day in the zone: inside the day's 1-day period however long the day is (23 h, 25 h).</summary>
    public static Instant MetricsTimestamp(LocalDate day, DateTimeZone zone) =>
        zone.AtLeniently(day.At(new LocalTime(12, 0))).ToInstant();

    /// <summary>True when CloudWatch still accepts a data point stamped <paramref name="timestamp"/>.</summary>
    public static bool MetricsAccepted(Instant timestamp, Instant now) =>
        now - timestamp < MetricsAcceptanceWindow - MetricsSafetyMargin;
}
