using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Api;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Api;
using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The demo's reads through the totals API, over HTTP as <c>local serve</c> serves it: <c>GET /today</c> while each
/// day is streamed (the running total must grow, dated today) and when its stream has drained (it must equal the
/// running totals), then <c>GET /days?from=&amp;to=</c> and <c>GET /days/{date}</c> for every day, which must equal
/// the full scan and carry each day's FINAL revision.
/// </summary>
internal sealed class DemoTotalsApi : IAsyncDisposable
{
    private readonly LocalFunctionUrl _url;
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<LocalDate, ConcurrentBag<(LocalDate Answered, long IssuedCount)>> _seen = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly List<LocalDate> _streamedDays = [];
    private LocalDate? _streaming;
    private int _invocations;

    private DemoTotalsApi(LocalFunctionUrl url) => _url = url;

    /// <summary>The API on the demo's aggregates table, its clock the simulated one (so <c>/today</c> is the day being streamed).</summary>
    public static DemoTotalsApi Start(IAmazonDynamoDB dynamo, string aggregatesTable, DateTimeZone zone, TimeProvider clock) =>
        new(LocalFunctionUrl.Start(
            new TotalsApi(new TotalsQuery(new DynamoDayLedgerReader(dynamo, aggregatesTable, zone), zone, clock), clock, TextWriter.Null),
            clock));

    /// <summary><paramref name="function"/>, with <c>GET /today</c> after its 1st, 2nd, 4th, 8th… invocation of each day's stream.</summary>
    public IStreamFunction Watching(IStreamFunction function) => new TodayWatcher(function, this);

    /// <summary>The stream of <paramref name="day"/> (today, by the simulated clock) is about to be drained.</summary>
    public void Streaming(LocalDate day)
    {
        _streaming = day;
        _streamedDays.Add(day);
        Interlocked.Exchange(ref _invocations, 0);
    }

    /// <summary>The day's stream has drained: <c>GET /today</c> must now equal <paramref name="running"/>.</summary>
    public async Task DrainedAsync(LocalDate day, DailyTotals running, CancellationToken cancellationToken)
    {
        _streaming = null;
        using var body = await GetAsync("/today", cancellationToken).ConfigureAwait(false);
        var (date, totals, _) = Read(body.RootElement);
        if (date != day || totals != running)
        {
            _problems.Enqueue($"{IsoDate.Format(day)}: GET /today answered {IsoDate.Format(date)} {totals} after the drain, running totals {running}");
        }

        var seen = _seen.GetValueOrDefault(day)?.ToArray() ?? [];
        if (seen.Any(s => s.Answered != day))
        {
            _problems.Enqueue($"{IsoDate.Format(day)}: GET /today answered another day while it was streamed");
        }
        else if (seen.Length < 2 || seen.Max(s => s.IssuedCount) <= seen.Min(s => s.IssuedCount) || seen.Max(s => s.IssuedCount) > running.IssuedCount)
        {
            _problems.Enqueue($"{IsoDate.Format(day)}: GET /today did not grow while streaming ({seen.Length} answers, issued counts {string.Join(", ", seen.Select(s => s.IssuedCount).Order())})");
        }
    }

    /// <summary>The check of the answers while streaming and after each drain.</summary>
    public DemoCheck TodayCheck() => new(
        "the totals API's /today grew while each day streamed",
        _problems.IsEmpty && _streamedDays.Count > 0,
        _problems.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"{_streamedDays.Count} days, each equal to its running totals once drained")
            : $"{_problems.Count} differences, first: {string.Join(" | ", _problems.Take(3))}");

    /// <summary>Reads every day through <c>/days?from=&amp;to=</c> and <c>/days/{date}</c>: each must equal the full scan and carry the day's revision.</summary>
    public async Task<DemoCheck> CheckDaysAsync(IReadOnlyList<DayCheck> days, CancellationToken cancellationToken)
    {
        var from = IsoDate.Format(days[0].Date);
        var to = IsoDate.Format(days[^1].Date);
        using var range = await GetAsync($"/days?from={from}&to={to}", cancellationToken).ConfigureAwait(false);
        var answered = range.RootElement.GetProperty("days").EnumerateArray().Select(Read).ToDictionary(d => d.Date);
        var differing = new List<string>();
        foreach (var day in days)
        {
            using var single = await GetAsync($"/days/{IsoDate.Format(day.Date)}", cancellationToken).ConfigureAwait(false);
            var one = Read(single.RootElement);
            if (!answered.TryGetValue(day.Date, out var fromRange) || fromRange != one || one.Totals != day.Truth || one.Revision != day.Revision)
            {
                differing.Add($"{IsoDate.Format(day.Date)}: API {one.Totals} r{one.Revision?.ToString(CultureInfo.InvariantCulture) ?? "-"}, scan {day.Truth} r{day.Revision?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            }
        }

        var sum = TotalsJson.Read(range.RootElement.GetProperty("sum"));
        var truth = days.Aggregate(DailyTotals.Zero, (total, d) => total + d.Truth);
        if (sum != truth)
        {
            differing.Add($"sum {sum} vs scan {truth}");
        }

        return new DemoCheck(
            "the totals API answers the verified days",
            differing.Count == 0,
            differing.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"/days?from=&to= and /days/{{date}}: {days.Count} days equal the full scan, revisions too")
                : $"{differing.Count} differences, first: {string.Join(" | ", differing.Take(3))}");
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_url.Url + path), cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    private static (LocalDate Date, DailyTotals Totals, int? Revision) Read(JsonElement day) => (
        IsoDate.TryParse(day.GetProperty(ReportFields.Date).GetString(), out var date) ? date : throw new FormatException("the API answered a day without a date"),
        TotalsJson.Read(day),
        day.GetProperty(DayView.FinalRevisionField).ValueKind == JsonValueKind.Number ? day.GetProperty(DayView.FinalRevisionField).GetInt32() : null);

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _invocations);
        if (_streaming is not { } day || (n & (n - 1)) != 0)
        {
            return; // only the 1st, 2nd, 4th, 8th… invocation of a day's stream
        }

        using var body = await GetAsync("/today", cancellationToken).ConfigureAwait(false);
        var (answered, totals, _) = Read(body.RootElement);
        _seen.GetOrAdd(day, _ => []).Add((answered, totals.IssuedCount));
    }

    /// <summary>Stops the listener.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _url.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The aggregator as the driver invokes it, reading <c>/today</c> after some of its invocations.</summary>
    private sealed class TodayWatcher(IStreamFunction inner, DemoTotalsApi api) : IStreamFunction
    {
        public async Task<StreamFunctionResponse> InvokeAsync(StreamInvocation invocation, CancellationToken cancellationToken)
        {
            var response = await inner.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            await api.WatchAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
    }
}
