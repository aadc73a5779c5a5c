using NodaTime;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core;

/// <summary>
/// A day's items were summed in another report time zone than the one this command or function runs with. Its days
/// are other days: comparing, correcting, finalizing or totalling it in this zone would publish wrong figures, so the
/// day is refused (the other days go on), and the message names both zones and the setting that reads it.
/// </summary>
public sealed class ReportTimeZoneMismatchException : UnreadableDayException
{
    /// <summary><paramref name="day"/>'s items record <paramref name="recorded"/>; the reader runs in <paramref name="configured"/>.</summary>
    public ReportTimeZoneMismatchException(LocalDate day, IReadOnlyCollection<string> recorded, string configured)
        : base(day, Describe(day, recorded, configured), null)
    {
        Recorded = recorded;
        Configured = configured;
    }

    /// <summary>A mismatch without details.</summary>
    public ReportTimeZoneMismatchException() : base("the day was summed in another report time zone") => (Recorded, Configured) = ([], string.Empty);

    /// <summary>A mismatch with the caller's message.</summary>
    public ReportTimeZoneMismatchException(string message) : base(message) => (Recorded, Configured) = ([], string.Empty);

    /// <summary>A mismatch with the caller's message, caused by <paramref name="inner"/>.</summary>
    public ReportTimeZoneMismatchException(string message, Exception inner) : base(message, inner) => (Recorded, Configured) = ([], string.Empty);

    /// <summary>The zone ids the day's items record.</summary>
    public IReadOnlyCollection<string> Recorded { get; }

    /// <summary>The zone id the reader runs with (<c>REPORT_TIME_ZONE</c>).</summary>
    public string Configured { get; }

    private static string Describe(LocalDate day, IReadOnlyCollection<string> recorded, string configured)
    {
        var others = recorded.Where(z => !string.Equals(z, configured, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var variable = AggregatorSettings.ReportTimeZoneVariable;
        return recorded.Count == 1
            ? $"{IsoDate.Format(day)} was summed in {others[0]} but {variable} is {configured}: set {variable}={others[0]}"
            : $"{IsoDate.Format(day)} was summed in {string.Join(" and ", recorded.Order(StringComparer.Ordinal))} (its items disagree) and {variable} is {configured}: " +
              "its totals mix two calendars, so no setting reads it; delete its items written in the other zone by hand, then run reconcile --fix for it";
    }
}
