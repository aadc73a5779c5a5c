using NodaTime;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// Reads days as the totals API and <c>totals</c> answer them: one day, today in the report time zone, or a range of at
/// most <see cref="MaxRangeDays"/> days with their sum. Each day is read with the finalizer's rule (one consistent
/// query of its items) and stamped with the instant just before the read.
/// </summary>
public sealed class DayTotalsReader
{
    /// <summary>The longest range answered, in days (both ends included).</summary>
    public const int MaxRangeDays = 366;
    /// <summary>How many days of a range are read at once.</summary>
    public const int RangeReadConcurrency = 8;

    private readonly IDayLedgerReader _ledgers;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>Reads through <paramref name="ledgers"/>; <paramref name="zone"/> says which day is today; <paramref name="clock"/> stamps <c>as_of</c>.</summary>
    public DayTotalsReader(IDayLedgerReader ledgers, DateTimeZone zone, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(clock);
        _ledgers = ledgers;
        _zone = zone;
        _clock = clock;
    }

    /// <summary>Today in the report time zone, by the injected clock.</summary>
    public LocalDate Today => ReportCalendar.Today(_clock, _zone);

    /// <summary>The report time zone's id.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>The number of days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int DaysIn(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days + 1;

    /// <summary>
    /// Reads one day: its running totals and FINAL revision from one consistent query, stamped with the time just before
    /// the read. A day that cannot be read throws (<see cref="UnreadableDayException"/>,
    /// <see cref="ReportTimeZoneMismatchException"/>): a single day is not marked, it fails.
    /// </summary>
    public async Task<DayView> ReadDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        // Taken before the query: every write committed before as_of is in the answer.
        var asOf = ReportCalendar.Now(_clock);
        var ledger = await _ledgers.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
        return new DayView(day, ledger.RunningTotals, ledger.Final?.Revision, asOf);
    }

    /// <summary>Reads today (<see cref="Today"/>) as <see cref="ReadDayAsync"/> reads a day.</summary>
    public Task<DayView> ReadTodayAsync(CancellationToken cancellationToken) => ReadDayAsync(Today, cancellationToken);

    /// <summary>Reads <paramref name="from"/> to <paramref name="to"/> (both included; the caller keeps it within <see cref="MaxRangeDays"/>) and their sum.</summary>
    public async Task<DayRangeView> ReadRangeAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken) =>
        new(from, to, await ReadDaysAsync(from, to, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads <paramref name="first"/> to <paramref name="last"/> (both included), a few days at once, in date order. A
    /// day whose items cannot be read (<see cref="UnreadableDayException"/>, a day summed in another report time zone
    /// included) is marked <see cref="DayView.Unreadable"/> with the reason; the other days are read as usual.
    /// </summary>
    public async Task<IReadOnlyList<DayView>> ReadDaysAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken)
    {
        var count = DaysIn(first, last);
        var days = new DayView[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = RangeReadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => days[i] = await ReadDayOrMarkAsync(first.PlusDays(i), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return days;
    }

    private async Task<DayView> ReadDayOrMarkAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var asOf = ReportCalendar.Now(_clock);
        try
        {
            return await ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableDayException ex)
        {
            return DayView.Unreadable(day, ex.Message, asOf);
        }
    }
}
