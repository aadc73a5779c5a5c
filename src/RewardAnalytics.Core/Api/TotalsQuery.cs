using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Api;

/// <summary>
/// The totals API's routes: <c>GET /days/{YYYY-MM-DD}</c>, <c>GET /days?from=…&amp;to=…</c> (at most
/// <see cref="MaxRangeDays"/> days, with their sum) and <c>GET /today</c> (today in the report time zone). Each day is
/// read with the finalizer's rule (one consistent query of its items). Errors are <c>{"error": …}</c> bodies naming the
/// parameter and what was expected: 400 for a bad parameter, 404 for an unknown path, 405 for a method other than GET.
/// </summary>
public sealed class TotalsQuery
{
    /// <summary>The longest range <c>/days?from=…&amp;to=…</c> answers, in days (both ends included).</summary>
    public const int MaxRangeDays = 366;
    /// <summary>How many days of a range are read at once.</summary>
    public const int RangeReadConcurrency = 8;
    /// <summary>What an unknown path is told the API serves.</summary>
    public const string Routes = "GET /days/YYYY-MM-DD, GET /days?from=YYYY-MM-DD&to=YYYY-MM-DD or GET /today";

    private const string DaysPrefix = "/days/";
    private readonly IDayLedgerReader _ledgers;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>Routes over <paramref name="ledgers"/>; <paramref name="zone"/> says which day is today; <paramref name="clock"/> stamps <c>as_of</c>.</summary>
    public TotalsQuery(IDayLedgerReader ledgers, DateTimeZone zone, TimeProvider clock)
    {
        _ledgers = ledgers;
        _zone = zone;
        _clock = clock;
    }

    /// <summary>Today in the report time zone, by the injected clock.</summary>
    public LocalDate Today => ReportCalendar.Today(_clock, _zone);

    /// <summary>The report time zone's id.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>
    /// Answers one request. A day whose items were summed in another report time zone is answered 409 with the message
    /// naming both zones: its figures belong to another calendar, and no retry changes that.
    /// </summary>
    public async Task<ApiResponse> AnswerAsync(FunctionUrlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await AnswerRouteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportTimeZoneMismatchException ex)
        {
            return ApiResponse.Error(409, ex.Message);
        }
    }

    private async Task<ApiResponse> AnswerRouteAsync(FunctionUrlRequest request, CancellationToken cancellationToken)
    {
        var route = request.RawPath;
        if (route is not ("/today" or "/days") && !(route.StartsWith(DaysPrefix, StringComparison.Ordinal) && route.IndexOf('/', DaysPrefix.Length) < 0))
        {
            return ApiResponse.Error(404, $"path '{route}' is not served: expected {Routes}");
        }

        if (!string.Equals(request.Method, "GET", StringComparison.Ordinal))
        {
            return ApiResponse.Error(405, $"method {request.Method} is not allowed on {route}: expected GET") with { Allow = "GET" };
        }

        if (route == "/today")
        {
            return ApiResponse.Ok((await ReadDayAsync(Today, cancellationToken).ConfigureAwait(false)).ToJson());
        }

        if (route == "/days")
        {
            return await AnswerRangeAsync(request.Query, cancellationToken).ConfigureAwait(false);
        }

        var (day, problem) = ParseDay(route[DaysPrefix.Length..], "date in the path /days/{date}");
        return problem is not null
            ? ApiResponse.Error(400, problem)
            : ApiResponse.Ok((await ReadDayAsync(day!.Value, cancellationToken).ConfigureAwait(false)).ToJson());
    }

    /// <summary>Reads one day: its running totals and FINAL revision from one consistent query, stamped with the time just before the read.</summary>
    public async Task<DayView> ReadDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        // Taken before the query: every write committed before as_of is in the answer.
        var asOf = Instant.FromDateTimeOffset(_clock.GetUtcNow());
        var ledger = await _ledgers.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
        return new DayView(day, ledger.RunningTotals, ledger.Final?.Revision, asOf);
    }

    /// <summary>Reads <paramref name="from"/> to <paramref name="to"/> (both included; the caller keeps it within <see cref="MaxRangeDays"/>).</summary>
    public async Task<DayRangeView> ReadRangeAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken) =>
        new(from, to, await ReadDaysAsync(from, to, cancellationToken).ConfigureAwait(false));

    /// <summary>The number of days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int DaysIn(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days + 1;

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
        var asOf = Instant.FromDateTimeOffset(_clock.GetUtcNow());
        try
        {
            return await ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableDayException ex)
        {
            return DayView.Unreadable(day, ex.Message, asOf);
        }
    }

    private async Task<ApiResponse> AnswerRangeAsync(IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var (from, fromProblem) = ParseDay(query.GetValueOrDefault("from"), "query parameter 'from'");
        var (to, toProblem) = ParseDay(query.GetValueOrDefault("to"), "query parameter 'to'");
        if ((fromProblem ?? toProblem) is { } problem)
        {
            return ApiResponse.Error(400, problem);
        }

        if (from > to)
        {
            return ApiResponse.Error(400, $"query parameter 'from' ({IsoDate.Format(from!.Value)}) is after 'to' ({IsoDate.Format(to!.Value)}): expected from on or before to");
        }

        var length = DaysIn(from!.Value, to!.Value);
        if (length > MaxRangeDays)
        {
            return ApiResponse.Error(400, $"the range from {IsoDate.Format(from.Value)} to {IsoDate.Format(to.Value)} is {length} days: expected at most {MaxRangeDays} days");
        }

        return ApiResponse.Ok((await ReadRangeAsync(from.Value, to.Value, cancellationToken).ConfigureAwait(false)).ToJson());
    }

    private static (LocalDate? Day, string? Problem) ParseDay(string? text, string what)
    {
        if (text is null)
        {
            return (null, $"{what} is missing: expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15");
        }

        if (!IsoDate.TryParse(text, out var day))
        {
            return (null, $"{what} is '{text}': expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15");
        }

        return CreatedAt.IsRewardDay(day) ? (day, null) : (null, $"{what} is '{text}': expected {CreatedAt.RewardDayRange}");
    }
}
