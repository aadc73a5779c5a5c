using System.CommandLine;
using RewardAnalytics.Core.Api;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Lambda;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>invoke aggregate|finalize|totals-api --event FILE</c>: runs a function's real entry point on a Lambda event file.</summary>
public static class InvokeCommand
{
    /// <summary>The <c>invoke</c> command and its <c>aggregate</c>, <c>finalize</c> and <c>totals-api</c> sub-commands, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var invoke = new Command("invoke", "Run a function's real Lambda entry point on an event file, against the endpoints in the environment.");
        var aggregate = EventCommand(app, "aggregate",
            "Invoke the stream aggregator (RewardAnalytics.Functions.StreamAggregator::HandleAsync) with a DynamoDB Streams tumbling-window event " +
            "and print its response ({\"state\":{},\"batchItemFailures\":[...]}). The function's own log lines go to stderr.\n" +
            "Needs AGGREGATES_TABLE (and REPORT_TIME_ZONE, attribute names if not the defaults).\n" +
            "Example: reward-analytics invoke aggregate --event tests/RewardAnalytics.Core.Tests/Fixtures/tumbling-window-event.json --local",
            async (file, context, ct) =>
        {
            var function = new StreamAggregator(context.Environment, context.Clock, Output(context));
            await using var input = file.OpenRead();
            var outcome = await function.AggregateAsync(input, ct).ConfigureAwait(false);
            await using var response = StreamAggregator.WriteResponse(outcome);
            using var reader = new StreamReader(response);
            await context.Output.WriteLineAsync(await reader.ReadToEndAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (outcome.BatchItemFailures.Count == 0)
            {
                return ExitCodes.Success;
            }

            // Writes failed transiently (throttling, an unreachable endpoint): Lambda would retry, a person must know.
            var count = outcome.BatchItemFailures.Count;
            await context.Error.WriteLineAsync(
                $"error: the invocation failed: {count} batch item failure{(count == 1 ? "" : "s")}, to be retried from sequence number " +
                $"{outcome.BatchItemFailures[0]} (the function's log lines above say why)").ConfigureAwait(false);
            return ExitCodes.Failed;
        });
        invoke.Add(aggregate);
        invoke.Add(Finalize(app));
        invoke.Add(TotalsApiCommand(app));
        return invoke;
    }

    /// <summary>A sub-command taking <c>--event FILE</c> (an existing file) and running <paramref name="run"/> on it.</summary>
    private static Command EventCommand(CliApp app, string name, string description, Func<FileInfo, CommandContext, CancellationToken, Task<int>> run)
    {
        var eventOption = new Option<FileInfo>("--event")
        {
            Description = "The Lambda event (JSON) to invoke the function with.",
            Required = true,
            HelpName = "FILE",
        };
        var command = new Command(name, description) { eventOption };
        command.SetAction((parse, ct) => app.RunAsync(parse, context => run(CliInput.ExistingFile(parse.GetValue(eventOption), "--event"), context, ct), ct));
        return command;
    }

    /// <summary>The function's log and EMF lines as the runtime would write them, to the CLI's standard error.</summary>
    private static FunctionOutput Output(CommandContext context) => LambdaProcessOutput.For(context.Error, context.Environment, context.Clock);

    private static Command Finalize(CliApp app)
    {
        return EventCommand(app, "finalize",
            "Invoke the daily finalizer (RewardAnalytics.Functions.DailyFinalizer::HandleAsync) with a scheduler payload and print its " +
            "response (the JSON summary per day: action, revision, totals). Any payload without a date finalizes yesterday in " +
            "REPORT_TIME_ZONE; {\"date\":\"YYYY-MM-DD\"} finalizes that day. The function's own log lines go to stderr. Run here, outside " +
            "Lambda, no metric reaches CloudWatch: days are recorded as metrics not published (the deployed finalizer publishes them later).\n" +
            "Needs AGGREGATES_TABLE and ANALYTICS_BUCKET (and REPORT_TIME_ZONE, REPORT_PREFIX, RECHECK_DAYS if not the defaults).\n" +
            "Example: echo '{\"date\":\"2023-11-15\"}' > finalize-event.json && reward-analytics invoke finalize --event finalize-event.json",
            async (file, context, ct) =>
        {
            var payload = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
            if (FinalizePayload.Check(payload, $"--event '{file.Name}'") is { } warning)
            {
                await context.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            var function = new DailyFinalizer(context.Environment, context.Clock, Output(context), MetricsDelivery.OutsideLambda);

            await using var input = new MemoryStream(payload, writable: false);
            try
            {
                var summary = await function.FinalizeAsync(input, ct).ConfigureAwait(false);
                await context.Output.WriteLineAsync(summary.ToJson()).ConfigureAwait(false);
                await FinalizeCommand.WriteNoticesAsync(context, summary, function.Settings.RecheckDays, json: true).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (FinalizationRequestException ex)
            {
                throw new UsageException($"--event '{file.Name}' {ex.Message}", ex);
            }
            catch (FinalizationFailedException ex)
            {
                await context.Error.WriteLineAsync($"error: {FinalizeCommand.Describe(ex, context.Get)}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        });
    }

    private static Command TotalsApiCommand(CliApp app)
    {
        return EventCommand(app, "totals-api",
            "Invoke the totals API (RewardAnalytics.Functions.TotalsApi::HandleAsync) with a Lambda function URL event (payload format 2.0: " +
            "rawPath, queryStringParameters, requestContext.http.method) or a CloudWatch custom widget event (widgetContext), and print its " +
            "response ({\"statusCode\",\"headers\",\"body\"}, or the widget's HTML as a JSON string). Exits non-zero on a 5xx.\n" +
            "Needs AGGREGATES_TABLE (and REPORT_TIME_ZONE for /today if not UTC).\n" +
            "Example: reward-analytics invoke totals-api --event tests/RewardAnalytics.Functions.Tests/Fixtures/function-url-request-event.json",
            async (file, context, ct) =>
        {
            var function = new TotalsApi(context.Environment, context.Clock, Output(context));
            await using var input = file.OpenRead();
            string response;
            try
            {
                response = await function.AnswerAsync(input, ct).ConfigureAwait(false);
            }
            catch (TotalsApiEventException ex)
            {
                throw new UsageException($"--event '{file.Name}' {ex.Message}", ex);
            }

            await context.Output.WriteLineAsync(response).ConfigureAwait(false);
            // A 5xx means the read failed (the function's log line on stderr says why); a 4xx is the API answering as designed.
            using var answer = System.Text.Json.JsonDocument.Parse(response);
            return answer.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && answer.RootElement.GetProperty("statusCode").GetInt32() >= 500
                ? ExitCodes.Failed
                : ExitCodes.Success;
        });
    }
}
