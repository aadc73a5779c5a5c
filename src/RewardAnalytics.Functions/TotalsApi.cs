using System.Text;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Api;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Logging;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Functions;

/// <summary>
/// Lambda entry point of the totals API:
/// <c>RewardAnalytics.Functions::RewardAnalytics.Functions.TotalsApi::HandleAsync</c>. Behind a function URL it answers
/// payload-format-2.0 events with <c>{"statusCode","headers","body"}</c> (routes in <see cref="TotalsQuery"/>); invoked
/// by a CloudWatch dashboard custom widget (the event carries <c>widgetContext</c>) it answers the widget's HTML as a
/// JSON string. Reads only: one consistent query per day of the aggregates table.
/// </summary>
public sealed class TotalsApi
{
    private readonly TotalsQuery _query;
    private readonly TotalsWidget _widget;
    private readonly JsonLog _log;

    /// <summary>The constructor Lambda calls: reads the process environment; a bad setting fails the cold start, named first on Console.Error (<see cref="ColdStart"/>).</summary>
    public TotalsApi()
        : this(ColdStart.Checked(nameof(TotalsApi), EnvironmentReader.FromProcess(), TotalsApiSettings.FromEnvironment, Console.Error), TimeProvider.System, FunctionOutput.FromProcess())
    {
    }

    /// <summary>The API wired from explicit settings, clock and output (the CLI, local serve and the tests build it this way); a bad setting throws here.</summary>
    public TotalsApi(EnvironmentReader environment, TimeProvider clock, FunctionOutput output)
        : this(TotalsApiSettings.FromEnvironment(AwsEndpoints.Check(environment)), environment, clock, output)
    {
    }

    /// <summary>The API around already-built routes (tests that bring their own ledger reader); logs to <paramref name="log"/>.</summary>
    public TotalsApi(DayTotalsReader days, TimeProvider clock, TextWriter log)
    {
        var query = new TotalsQuery(days);
        _query = query;
        _widget = new TotalsWidget(days);
        _log = new JsonLog(log, clock);
    }

    private TotalsApi(TotalsApiSettings settings, EnvironmentReader environment, TimeProvider clock, FunctionOutput output)
        : this(
            new DayTotalsReader(new DynamoDayLedgerReader(AwsClients.CreateDynamoDb(environment.Raw), settings.AggregatesTable, settings.ReportTimeZone), settings.ReportTimeZone, clock),
            clock,
            output.Log)
    {
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
            return (await _query.AnswerAsync(request, cancellationToken).ConfigureAwait(false)).ToJson();
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
