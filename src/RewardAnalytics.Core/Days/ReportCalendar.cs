using NodaTime;

namespace RewardAnalytics.Core.Days;

/// <summary>The report calendar: which calendar day an instant, or the injected clock's now, falls on in the report time zone.</summary>
public static class ReportCalendar
{
    /// <summary>The calendar day that <paramref name="now"/> falls on in <paramref name="zone"/>.</summary>
    public static LocalDate Today(Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return now.InZone(zone).Date;
    }

    /// <summary>Today in <paramref name="zone"/> by <paramref name="clock"/>.</summary>
    public static LocalDate Today(TimeProvider clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Today(Now(clock), zone);
    }

    /// <summary>The instant <paramref name="clock"/> reads now.</summary>
    public static Instant Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Instant.FromDateTimeOffset(clock.GetUtcNow());
    }
}
