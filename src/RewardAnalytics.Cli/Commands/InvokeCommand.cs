using System.CommandLine;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Functions;
using RewardAnalytics.Functions.Api;
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
            "--event also takes the JSON-lines file 'generate' writes: every event in order, one response a line.\n" +
            "Example: reward-analytics invoke aggregate --event tests/RewardAnalytics.Core.Tests/Fixtures/tumbling-window-event.json --local",
            async (file, context, ct) =>
        {
            var function = new StreamAggregator(StreamAggregator.Compose(context.Environment, context.Clock, Output(context)));
            if (!await EventLines.IsJsonLinesAsync(file.FullName, ct).ConfigureAwait(false))
            {
                await using var input = file.OpenRead();
                return await AggregateAsync(function, input, context, where: null, ct).ConfigureAwait(false);
            }

            // JSON lines, as generate writes them: each event in order, as the mapping would deliver them; the first
            // that fails stops the replay, naming its line (the ones before it are applied).
            var invoked = 0;
            await foreach (var (line, text) in EventLines.ReadAsync(file.FullName, ct).ConfigureAwait(false))
            {
                var where = $"line {line} of --event '{file.Name}'";
                int code;
                try
                {
                    await using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false);
                    code = await AggregateAsync(function, input, context, where, ct).ConfigureAwait(false);
                }
                catch (Core.StreamEvents.StreamEventFormatException ex)
                {
                    await context.Error.WriteLineAsync(
                        $"error: the event on {where} was refused: {ex.Message} ({invoked} events before it were applied, none after it)").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }

                if (code != ExitCodes.Success)
                {
                    return code;
                }

                invoked++;
            }

            await context.Error.WriteLineAsync($"invoked the aggregator with {invoked} events, one a line of {file.FullName}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, "The Lambda event (JSON) to invoke the function with, or a JSON-lines file as 'generate' writes (told apart by content: " +
           "the first line is a whole event and more lines follow): each line invoked in order, one response printed a line.");
        invoke.Add(aggregate);
        invoke.Add(Finalize(app));
        invoke.Add(TotalsApiCommand(app));
        return invoke;
    }

    /// <summary>Invokes the aggregator on one event and prints its response; a failed invocation is said on stderr (<paramref name="where"/> names the event's line).</summary>
    private static async Task<int> AggregateAsync(StreamAggregator function, Stream input, CommandContext context, string? where, CancellationToken ct)
    {
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
            $"error: the invocation{(where is null ? "" : $" with the event on {where}")} failed: {count} batch item failure{(count == 1 ? "" : "s")}, to be retried from sequence number " +
            $"{outcome.BatchItemFailures[0]} (the function's log lines above say why){(where is null ? "" : "; the events after it were not invoked")}").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    /// <summary>A sub-command taking <c>--event FILE</c> (an existing file) and running <paramref name="run"/> on it.</summary>
    private static Command EventCommand(CliApp app, string name, string description, Func<FileInfo, CommandContext, CancellationToken, Task<int>> run, string? eventDescription = null)
    {
        var eventOption = new Option<FileInfo>("--event")
        {
            Description = eventDescription ?? "The Lambda event (JSON) to invoke the function with.",
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

            var function = new DailyFinalizer(DailyFinalizer.Compose(context.Environment, context.Clock, Output(context), MetricsDelivery.OutsideLambda));

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
            var function = new TotalsApi(TotalsApi.Compose(context.Environment, context.Clock), context.Clock, Output(context).Log);
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
