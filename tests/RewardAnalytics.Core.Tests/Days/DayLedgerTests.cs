using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Tests.Days;

/// <summary>A day's ledger refuses to be read in a zone other than the one it was summed in.</summary>
public sealed class DayLedgerTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    private static readonly DailyTotals Seed = new(1500m, 750m, 15, 8);

    [Fact]
    public void A_ledger_summed_in_another_zone_is_refused_naming_both_zones_and_one_without_a_zone_is_accepted()
    {
        var newYork = new DayLedger(Seed, null, null) { Zones = new HashSet<string> { "America/New_York" } };
        var unrecorded = new DayLedger(Seed, null, null);

        var refused = Assert.Throws<ReportTimeZoneMismatchException>(() => newYork.InZone(Day, DateTimeZone.Utc));

        Assert.Equal("2023-11-15 was summed in America/New_York but REPORT_TIME_ZONE is UTC: set REPORT_TIME_ZONE=America/New_York", refused.Message);
        Assert.Same(newYork, newYork.InZone(Day, DateTimeZoneProviders.Tzdb["America/New_York"]));
        Assert.Same(unrecorded, unrecorded.InZone(Day, DateTimeZone.Utc));
    }
}
