using NodaTime;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>A repair was asked for something it must not do (correcting a day the stream is still writing).</summary>
public sealed class ReconciliationRequestException : Exception
{
    /// <summary>A refused request without details.</summary>
    public ReconciliationRequestException() { }

    /// <summary>A refused request; the message says why.</summary>
    public ReconciliationRequestException(string message) : base(message) { }

    /// <summary>A refused request caused by <paramref name="inner"/>.</summary>
    public ReconciliationRequestException(string message, Exception inner) : base(message, inner) { }

    private ReconciliationRequestException(string message, LocalDate lastDay, LocalDate today, DateTimeZone zone) : base(message)
    {
        LastDay = lastDay;
        Today = today;
        Zone = zone;
    }

    /// <summary>The last day asked for, when the request reached a day that has not ended.</summary>
    public LocalDate? LastDay { get; }

    /// <summary>Today in <see cref="Zone"/>, when the request reached a day that has not ended.</summary>
    public LocalDate? Today { get; }

    /// <summary>The report time zone "today" was taken in, when the request reached a day that has not ended.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>
    /// A correction asked for up to <paramref name="lastDay"/> while today in <paramref name="zone"/> is
    /// <paramref name="today"/>: the stream is still writing that day, so no correction of it can hold.
    /// </summary>
    public static ReconciliationRequestException DayNotEnded(LocalDate lastDay, LocalDate today, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ReconciliationRequestException(
            $"a correction of {IsoDate.Format(lastDay)} is refused: today in {zone.Id} is {IsoDate.Format(today)}, and a day that has not " +
            $"ended is still being written by the stream; correct days up to {IsoDate.Format(today.PlusDays(-1))}",
            lastDay, today, zone);
    }
}
