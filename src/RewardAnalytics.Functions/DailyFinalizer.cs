using System.Text;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Functions;

/// <summary>
/// Lambda entry point of the daily finalizer:
/// <c>RewardAnalytics.Functions::RewardAnalytics.Functions.DailyFinalizer::HandleAsync</c>.
/// Constructed once per container (settings validated, clients created); EventBridge Scheduler invokes it at 00:05
/// in the report time zone with any JSON (finalize yesterday), or a person with <c>{"date":"YYYY-MM-DD"}</c>.
/// Responds with the per-day summary (see <see cref="FinalizationSummary.ToJson"/>).
/// </summary>
public sealed class DailyFinalizer
{
    private readonly DailyFinalization _finalization;

    /// <summary>
    /// The constructor Lambda calls: reads the process environment; a bad setting fails the cold start, named first on
    /// Console.Error (<see cref="ColdStart"/>). Only Lambda calls it, so its EMF lines go to a Lambda log stream, where
    /// CloudWatch extracts them.
    /// </summary>
    public DailyFinalizer()
        : this(Compose(ColdStart.Checked(nameof(DailyFinalizer), EnvironmentReader.FromProcess(), FinalizerSettings.FromEnvironment, Console.Error),
            TimeProvider.System, FunctionOutput.FromProcess(), MetricsDelivery.LambdaLogStream))
    {
    }

    /// <summary>
    /// The composition: the entry point around its workflow. The CLI and the local world build it on <see cref="Compose"/>;
    /// tests may build the workflow on the table, store and metrics they bring.
    /// </summary>
    public DailyFinalizer(DailyFinalization finalization) => _finalization = finalization;

    /// <summary>
    /// The workflow the Lambda constructor runs, wired from <paramref name="environment"/>: the settings (a bad one throws
    /// <see cref="SettingsException"/> here), the DynamoDB and S3 clients of its endpoints, the finalization table, the
    /// report store and the EMF metrics; lines go to <paramref name="output"/>'s log. <paramref name="delivery"/> says
    /// whether its EMF lines reach CloudWatch (the CLI's do not).
    /// </summary>
    /// <exception cref="SettingsException">A setting is missing or malformed.</exception>
    public static DailyFinalization Compose(EnvironmentReader environment, TimeProvider clock, FunctionOutput output, MetricsDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var log = output.Log;
        var settings = FinalizerSettings.FromEnvironment(AwsEndpoints.Check(environment));
        var dynamo = AwsClients.CreateDynamoDb(environment.Raw);
        var s3 = AwsClients.CreateS3(environment.Raw);
        return new DailyFinalization(
            settings,
            new DynamoFinalizationTable(dynamo, settings.AggregatesTable, settings.ReportTimeZone, clock),
            new S3ReportStore(s3, settings.AnalyticsBucket, settings.ReportPrefix),
            new EmfDayMetrics(log, settings.MetricsEnvironment, settings.MetricsNamespace, delivery == MetricsDelivery.LambdaLogStream),
            clock,
            log);
    }

    /// <summary>Lambda's handler: finalizes the requested day (yesterday when the payload names none) and returns the summary JSON.</summary>
    // The one public method of this name: Lambda's loader refuses a handler name with overloads.
    public async Task<Stream> HandleAsync(Stream input)
    {
        var summary = await FinalizeAsync(input, CancellationToken.None).ConfigureAwait(false);
        return new MemoryStream(Encoding.UTF8.GetBytes(summary.ToJson()), writable: false);
    }

    /// <summary>The settings the function was built with (re-check window, time zone, metrics namespace).</summary>
    public FinalizerSettings Settings => _finalization.Settings;

    /// <summary>
    /// Brings one day's report, metrics and FINAL up to its running totals, without re-checking other days (what
    /// <c>backfill</c> runs for each day of its range).
    /// </summary>
    public Task<DayOutcome> FinalizeDayAsync(LocalDate day, CancellationToken cancellationToken) => _finalization.FinalizeDayAsync(day, cancellationToken);

    /// <summary>The same invocation, returning the summary itself (the CLI prints it).</summary>
    public async Task<FinalizationSummary> FinalizeAsync(Stream input, CancellationToken cancellationToken)
    {
        using var payload = await PooledPayload.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        var date = FinalizeRequest.ReadDate(payload.Memory.Span);
        return await _finalization.RunAsync(date, cancellationToken).ConfigureAwait(false);
    }
}
