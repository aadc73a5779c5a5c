using CsCheck;
using NodaTime;
using RewardAnalytics.Core.Aggregation;

namespace RewardAnalytics.Core.Tests.Aggregation;

/// <summary>The fold's cached instant-to-date mapping agrees with NodaTime's InZone for any order of instants.</summary>
public sealed class ZoneDayCacheTests
{
    // Zones with DST away from midnight, at midnight (Havana, historic São Paulo), half-hour offsets and none.
    private static readonly string[] Zones = ["UTC", "America/New_York", "Europe/Berlin", "America/Havana", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe"];

    [Fact]
    public void The_cached_day_of_any_sequence_of_instants_is_the_date_InZone_gives()
    {
        // Instants within a few days of 2018-11-04 (São Paulo's midnight spring-forward) and 2023-11-05 (New York's fall back).
        var anchors = new[] { Instant.FromUtc(2018, 11, 4, 3, 0), Instant.FromUtc(2023, 11, 5, 6, 0), Instant.FromUtc(2023, 3, 12, 5, 0) };
        var instant = Gen.Select(Gen.Int[0, anchors.Length - 1], Gen.Long[-3 * 86_400L, 3 * 86_400L])
            .Select((a, seconds) => anchors[a] + Duration.FromSeconds(seconds));
        Gen.Select(Gen.Int[0, Zones.Length - 1], instant.Array[1, 200]).Sample((z, instants) =>
        {
            var zone = DateTimeZoneProviders.Tzdb[Zones[z]];
            var cache = new ZoneDayCache(zone);
            foreach (var i in instants)
            {
                Assert.Equal(i.InZone(zone).Date, cache.DayOf(i));
            }
        });
    }

    [Fact]
    public void The_instants_around_a_midnight_fall_back_map_to_their_own_dates_in_any_order()
    {
        // Havana fell back from 01:00 CDT to 00:00 CST on 2023-11-05, so 00:xx local happened twice.
        var zone = DateTimeZoneProviders.Tzdb["America/Havana"];
        var cache = new ZoneDayCache(zone);
        var start = Instant.FromUtc(2023, 11, 4, 20, 0);
        for (var minutes = 0; minutes < 24 * 60; minutes += 7)
        {
            var i = start + Duration.FromMinutes(minutes);
            Assert.Equal(i.InZone(zone).Date, cache.DayOf(i));
            var back = start + Duration.FromMinutes(24 * 60 - minutes);
            Assert.Equal(back.InZone(zone).Date, cache.DayOf(back));
        }
    }
}
