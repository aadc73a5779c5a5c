using CsCheck;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Tests.Days;

/// <summary>Reading one day, today and a range over in-memory day ledgers: the read the totals API and <c>totals</c> share.</summary>
public sealed class DayTotalsReaderTests
{
    private static readonly LocalDate March3 = new(2025, 3, 3);
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 3, 23, 30);
    private readonly InMemoryLedgers _ledgers = new();
    private readonly FakeTimeProvider _clock = new(Now.ToDateTimeOffset());

    private DayTotalsReader Reader(string zone = "UTC") => new(_ledgers, DateTimeZoneProviders.Tzdb[zone], _clock);

    [Theory]
    [InlineData("UTC", "2025-03-03")]
    [InlineData("Asia/Tokyo", "2025-03-04")]
    [InlineData("America/New_York", "2025-03-03")]
    public async Task Today_is_the_clock_date_in_the_report_time_zone_and_is_the_day_read_as_today(string zone, string today)
    {
        var reader = Reader(zone);

        var day = await reader.ReadTodayAsync(CancellationToken.None);

        Assert.Equal(today, IsoDate.Format(reader.Today));
        Assert.Equal(today, IsoDate.Format(day.Date));
        Assert.Equal(zone, reader.ZoneId);
    }

    [Fact]
    public async Task A_day_is_its_shard_items_plus_its_correction_with_the_FINAL_revision_and_the_instant_before_the_read()
    {
        _ledgers.Running(March3, new DailyTotals(1500m, 750.25m, 15, 8), correction: new DailyTotals(0.5m, 0m, 1, 0))
            .Finalized(March3, new DailyTotals(1500.5m, 750.25m, 16, 8), revision: 2);
        var reader = new DayTotalsReader(new AdvancingLedgers(_ledgers, _clock), DateTimeZone.Utc, _clock);

        var day = await reader.ReadDayAsync(March3, CancellationToken.None);

        Assert.Equal(new DayView(March3, new DailyTotals(1500.5m, 750.25m, 16, 8), 2, Now), day);
        Assert.Null(day.UnreadableReason);
        Assert.Equal(1, _ledgers.Reads);
    }

    [Fact]
    public async Task A_single_day_that_cannot_be_read_fails_instead_of_being_marked()
    {
        var otherZone = new ReportTimeZoneMismatchException(March3, ["America/New_York"], "UTC");
        _ledgers.Failing(March3, otherZone);

        var error = await Assert.ThrowsAsync<ReportTimeZoneMismatchException>(() => Reader().ReadDayAsync(March3, CancellationToken.None));

        Assert.Equal("2025-03-03 was summed in America/New_York but REPORT_TIME_ZONE is UTC: set REPORT_TIME_ZONE=America/New_York", error.Message);
    }

    [Fact]
    public async Task A_range_reads_every_day_once_in_date_order_marks_the_unreadable_ones_and_sums_the_others()
    {
        var unreadable = new UnreadableDayException(March3.PlusDays(1), "item DAY#2025-03-04 / SHARD#legacy has total_issued = x: expected a sum");
        var otherZone = new ReportTimeZoneMismatchException(March3.PlusDays(2), ["America/New_York"], "UTC");
        _ledgers.Running(March3, new DailyTotals(10.1m, 1m, 2, 1)).Running(March3.PlusDays(3), new DailyTotals(0.9m, 2m, 1, 1))
            .Failing(March3.PlusDays(1), unreadable).Failing(March3.PlusDays(2), otherZone);

        var range = await Reader().ReadRangeAsync(March3, March3.PlusDays(3), CancellationToken.None);

        Assert.Equal((March3, March3.PlusDays(3)), (range.From, range.To));
        Assert.Equal([March3, March3.PlusDays(1), March3.PlusDays(2), March3.PlusDays(3)], range.Days.Select(d => d.Date));
        Assert.Equal([null, unreadable.Message, otherZone.Message, null], range.Days.Select(d => d.UnreadableReason));
        Assert.Equal([March3.PlusDays(1), March3.PlusDays(2)], range.UnreadableDays.Select(d => d.Date));
        Assert.Equal(new DailyTotals(11.0m, 3m, 3, 2), range.Sum);
        Assert.Equal(4, _ledgers.Reads);
    }

    [Fact]
    public async Task A_failure_that_is_not_an_unreadable_day_fails_the_whole_range()
    {
        _ledgers.Failing(March3.PlusDays(1), new InvalidOperationException("the table is throttled"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Reader().ReadRangeAsync(March3, March3.PlusDays(2), CancellationToken.None));

        Assert.Equal("the table is throttled", error.Message);
    }

    [Fact]
    public async Task The_longest_range_is_read_one_query_per_day()
    {
        var days = await Reader().ReadDaysAsync(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31), CancellationToken.None);

        Assert.Equal(DayTotalsReader.MaxRangeDays, days.Count);
        Assert.Equal(DayTotalsReader.MaxRangeDays, _ledgers.Reads);
        Assert.Equal(new LocalDate(2024, 12, 31), days[^1].Date);
    }

    [Theory]
    [InlineData("2025-03-03", "2025-03-03", 1)]
    [InlineData("2024-01-01", "2024-12-31", 366)]
    [InlineData("2025-02-27", "2025-03-02", 4)]
    public void DaysIn_counts_both_ends(string from, string to, int days)
    {
        Assert.True(IsoDate.TryParse(from, out var first));
        Assert.True(IsoDate.TryParse(to, out var last));

        Assert.Equal(days, DayTotalsReader.DaysIn(first, last));
    }

    [Fact]
    public async Task A_ranges_sum_is_the_sum_of_its_readable_days_whichever_days_cannot_be_read()
    {
        var totals = Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 100_000], Gen.Int[0, 50], Gen.Int[0, 50])
            .Select((issued, redeemed, issuedCount, redeemedCount) => new DailyTotals(issued / 100m, redeemed / 100m, issuedCount, redeemedCount));
        await Gen.Select(totals, Gen.Bool).Array[1, 40].SampleAsync(async days =>
        {
            var ledgers = new InMemoryLedgers();
            for (var i = 0; i < days.Length; i++)
            {
                var (day, readable) = (March3.PlusDays(i), days[i].Item2);
                _ = readable ? ledgers.Running(day, days[i].Item1) : ledgers.Failing(day, new UnreadableDayException(day, "broken"));
            }

            var range = await new DayTotalsReader(ledgers, DateTimeZone.Utc, _clock).ReadRangeAsync(March3, March3.PlusDays(days.Length - 1), CancellationToken.None);

            Assert.Equal(days.Length, range.Days.Count);
            Assert.Equal(days.Count(d => !d.Item2), range.UnreadableDays.Count);
            Assert.Equal(days.Where(d => d.Item2).Aggregate(DailyTotals.Zero, (sum, d) => sum + d.Item1), range.Sum);
        });
    }

    /// <summary>Moves the clock a minute on during each read, so a stamp taken after the read would show it.</summary>
    private sealed class AdvancingLedgers(IDayLedgerReader inner, FakeTimeProvider clock) : IDayLedgerReader
    {
        public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return inner.ReadDayAsync(day, cancellationToken);
        }
    }
}
