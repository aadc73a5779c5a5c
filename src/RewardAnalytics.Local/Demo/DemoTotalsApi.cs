using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Api;
using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The demo's reads through the totals API, over HTTP as <c>local serve</c> serves it: <c>GET /today</c> while each
/// day is streamed and when its stream has drained (dated today, equal to the running totals of the records applied
/// up to then: the reading is taken while no invocation is in flight, then compared with a consistent read of the
/// aggregates table; deletions and corrections lower a total, so "it grew" would not be true), then <c>GET /days?from=&amp;to=</c> and <c>GET /days/{date}</c> for every day, which must equal
/// the full scan and carry each day's FINAL revision.
/// </summary>
internal sealed class DemoTotalsApi : IAsyncDisposable
{
    private readonly LocalFunctionUrl _url;
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly List<LocalDate> _streamedDays = [];
    private readonly DynamoDayLedgerReader _aggregates;
    private readonly InvocationGate _gate = new();
    private LocalDate? _streaming;
    private int _invocations;
    private int _readings;

    private DemoTotalsApi(LocalFunctionUrl url, DynamoDayLedgerReader aggregates)
    {
        _url = url;
        _aggregates = aggregates;
    }

    /// <summary>The API on the demo's aggregates table, its clock the simulated one (so <c>/today</c> is the day being streamed); the table is also read directly to compare.</summary>
    public static DemoTotalsApi Start(IAmazonDynamoDB dynamo, string aggregatesTable, DateTimeZone zone, TimeProvider clock) =>
        Start(new DynamoDayLedgerReader(dynamo, aggregatesTable, zone), zone, clock);

    private static DemoTotalsApi Start(DynamoDayLedgerReader reader, DateTimeZone zone, TimeProvider clock) =>
        new(LocalFunctionUrl.Start(
            new TotalsApi(new DayTotalsReader(reader, zone, clock), clock, TextWriter.Null).AnswerAsync,
            clock), reader);

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
    }

    /// <summary>The check of the answers while streaming and after each drain.</summary>
    public DemoCheck TodayCheck() => new(
        "the totals API's /today equalled the running totals while each day streamed",
        _problems.IsEmpty && _streamedDays.Count > 0,
        _problems.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"{_streamedDays.Count} days, {_readings} readings while streaming and one after each drain")
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

    /// <summary>
    /// After the 1st, 2nd, 4th, 8th… invocation of a day's stream: once no invocation is in flight, <c>GET /today</c>
    /// must answer today with the running totals a consistent read of the aggregates table gives at that moment.
    /// </summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _invocations);
        if (_streaming is not { } day || (n & (n - 1)) != 0)
        {
            return;
        }

        await _gate.WhileIdleAsync(async ct =>
        {
            using var body = await GetAsync("/today", ct).ConfigureAwait(false);
            var (answered, totals, _) = Read(body.RootElement);
            var running = await _aggregates.ReadRunningTotalsAsync(day, ct).ConfigureAwait(false);
            Interlocked.Increment(ref _readings);
            if (answered != day || totals != running)
            {
                _problems.Enqueue($"{IsoDate.Format(day)}: GET /today answered {IsoDate.Format(answered)} {totals} while streaming, running totals then {running}");
            }
        }, cancellationToken).ConfigureAwait(false);
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
            StreamFunctionResponse response;
            await api._gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                response = await inner.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                api._gate.Exit();
            }

            await api.WatchAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
    }
}
