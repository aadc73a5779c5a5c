using System.Text;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Logging;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions.Api;

namespace RewardAnalytics.Functions;

/// <summary>
/// Lambda entry point of the totals API:
/// <c>RewardAnalytics.Functions::RewardAnalytics.Functions.TotalsApi::HandleAsync</c>. Behind a function URL it answers
/// payload-format-2.0 events with <c>{"statusCode","headers","body"}</c> (routes in <see cref="TotalsRoutes"/>); invoked
/// by a CloudWatch dashboard custom widget (the event carries <c>widgetContext</c>) it answers the widget's HTML as a
/// JSON string. Reads only: one consistent query per day of the aggregates table.
/// </summary>
public sealed class TotalsApi
{
    private readonly TotalsRoutes _routes;
    private readonly TotalsWidget _widget;
    private readonly JsonLog _log;

    /// <summary>The constructor Lambda calls: reads the process environment; a bad setting fails the cold start, named first on Console.Error (<see cref="ColdStart"/>).</summary>
    public TotalsApi()
        : this(
            Compose(ColdStart.Checked(nameof(TotalsApi), EnvironmentReader.FromProcess(), TotalsApiSettings.FromEnvironment, Console.Error), TimeProvider.System),
            TimeProvider.System,
            FunctionOutput.FromProcess().Log)
    {
    }

    /// <summary>
    /// The API over <paramref name="days"/>: the one composition every caller builds through (tests with their own
    /// ledger reader, the demo; Lambda, the CLI and local serve with <see cref="Compose"/>'s reader); logs to <paramref name="log"/>.
    /// </summary>
    public TotalsApi(DayTotalsReader days, TimeProvider clock, TextWriter log)
    {
        _routes = new TotalsRoutes(days);
        _widget = new TotalsWidget(days);
        _log = new JsonLog(log, clock);
    }

    /// <summary>
    /// The totals API's read side wired from explicit settings and clock, reading the aggregates table they name (Lambda's
    /// constructor, <c>invoke totals-api</c> and <c>local serve</c> build through it); a bad setting throws here.
    /// </summary>
    /// <exception cref="SettingsException">A setting is missing or malformed.</exception>
    public static DayTotalsReader Compose(EnvironmentReader environment, TimeProvider clock)
    {
        var settings = TotalsApiSettings.FromEnvironment(AwsEndpoints.Check(environment));
        var ledgers = new DynamoDayLedgerReader(AwsClients.CreateDynamoDb(environment.Raw), settings.AggregatesTable, settings.ReportTimeZone);
        return new DayTotalsReader(ledgers, settings.ReportTimeZone, clock);
    }

    /// <summary>Lambda's handler: answers one function URL request or custom widget invocation.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var response = await AnswerAsync(input, CancellationToken.None).ConfigureAwait(false);
        return new MemoryStream(Encoding.UTF8.GetBytes(response), writable: false);
    }

    /// <summary>
    /// The same invocation, returning the response payload as text (the CLI and local serve use it). A payload that is
    /// neither event throws <see cref="TotalsApiEventException"/> (a failed invocation); a failed read of the table is
    /// logged and answered as a 500 whose body says only that.
    /// </summary>
    public async Task<string> AnswerAsync(Stream input, CancellationToken cancellationToken)
    {
        using var payload = await PooledPayload.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        var invocation = TotalsApiEvent.Read(payload.Memory.Span);
        if (invocation is WidgetEvent widget)
        {
            return TotalsWidget.ToResponseJson(await _widget.RenderAsync(widget, cancellationToken).ConfigureAwait(false));
        }

        var request = (FunctionUrlRequest)invocation;
        try
        {
            return (await _routes.AnswerAsync(request, cancellationToken).ConfigureAwait(false)).ToJson();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller learns that the read failed, not how: the cause goes to the function's log.
            _log.Write("ERROR", "totals API read failed", json =>
            {
                json.WriteString("method", request.Method);
                json.WriteString("path", request.RawPath);
                json.WriteString("error", $"{ex.GetType().Name}: {ex.Message}");
            });
            return ApiResponse.Error(500, "the totals could not be read; the function's log has the cause").ToJson();
        }
    }
}
