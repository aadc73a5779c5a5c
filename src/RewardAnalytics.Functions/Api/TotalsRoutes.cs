using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Functions.Api;

/// <summary>
/// The totals API's routes: <c>GET /days/{YYYY-MM-DD}</c>, <c>GET /days?from=…&amp;to=…</c> (at most
/// <see cref="DayTotalsReader.MaxRangeDays"/> days, with their sum) and <c>GET /today</c> (today in the report time zone),
/// each read by <see cref="DayTotalsReader"/>. Errors are <c>{"error": …}</c> bodies naming the
/// parameter and what was expected: 400 for a bad parameter, 404 for an unknown path, 405 for a method other than GET.
/// </summary>
internal sealed class TotalsRoutes
{
    /// <summary>What an unknown path is told the API serves.</summary>
    public const string Routes = "GET /days/YYYY-MM-DD, GET /days?from=YYYY-MM-DD&to=YYYY-MM-DD or GET /today";

    private const string DaysPrefix = "/days/";
    private readonly DayTotalsReader _days;

    /// <summary>Routes over <paramref name="days"/>, which reads the days and knows which day is today.</summary>
    public TotalsRoutes(DayTotalsReader days) => _days = days;

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
            return ApiResponse.Ok((await _days.ReadTodayAsync(cancellationToken).ConfigureAwait(false)).ToJson());
        }

        if (route == "/days")
        {
            return await AnswerRangeAsync(request.Query, cancellationToken).ConfigureAwait(false);
        }

        var (day, problem) = ParseDay(route[DaysPrefix.Length..], "date in the path /days/{date}");
        return problem is not null
            ? ApiResponse.Error(400, problem)
            : ApiResponse.Ok((await _days.ReadDayAsync(day!.Value, cancellationToken).ConfigureAwait(false)).ToJson());
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

        var length = DayTotalsReader.DaysIn(from!.Value, to!.Value);
        if (length > DayTotalsReader.MaxRangeDays)
        {
            return ApiResponse.Error(400, $"the range from {IsoDate.Format(from.Value)} to {IsoDate.Format(to.Value)} is {length} days: expected at most {DayTotalsReader.MaxRangeDays} days");
        }

        return ApiResponse.Ok((await _days.ReadRangeAsync(from.Value, to.Value, cancellationToken).ConfigureAwait(false)).ToJson());
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
