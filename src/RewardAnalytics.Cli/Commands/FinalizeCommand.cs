using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Lambda;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>finalize --date YYYY-MM-DD [--json]</c>: runs the daily finalizer's real entry point for one day.</summary>
internal static class FinalizeCommand
{
    /// <summary>The <c>finalize</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var dateOption = new Option<string>("--date") { Description = "The day to finalize, in REPORT_TIME_ZONE; it must have ended.", Required = true, HelpName = "YYYY-MM-DD" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the function's JSON response (per day: action, revision, metrics, totals)." };
        var command = new Command("finalize",
            "Finalize a day with the daily finalizer's real entry point (RewardAnalytics.Functions.DailyFinalizer), as a manual run or backfill: " +
            "the day and the RECHECK_DAYS days before it are compared with their FINAL items; a new or changed day gets its S3 report " +
            "and a new FINAL revision; an unchanged day gets nothing; a day with no item at all before the first day with data is 'no-data' " +
            "(no report). Run here, outside Lambda, no metric reaches CloudWatch: FINAL records the metrics as not published " +
            "(not-published-outside-lambda) and the deployed finalizer publishes them when it next checks the day, or when invoked for it " +
            "(the command to do so is printed). A day summed in another REPORT_TIME_ZONE is refused, naming both zones.\n" +
            "Needs AGGREGATES_TABLE and ANALYTICS_BUCKET (and REPORT_TIME_ZONE, REPORT_PREFIX, RECHECK_DAYS, METRICS_NAMESPACE, METRICS_ENVIRONMENT if not the defaults).\n" +
            "Example: reward-analytics finalize --date 2023-11-15 --json")
        {
            dateOption,
            jsonOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var day = CliInput.Date(parse.GetValue(dateOption), "--date");
            var function = new DailyFinalizer(DailyFinalizer.Compose(
                context.Environment, context.Clock, LambdaProcessOutput.For(context.Error, context.Environment, context.Clock), MetricsDelivery.OutsideLambda));
            FinalizationSummary summary;
            try
            {
                summary = await function.FinalizeAsync(new MemoryStream(FinalizeRequest.For(day)), ct).ConfigureAwait(false);
            }
            catch (FinalizationRequestException ex)
            {
                throw new UsageException($"--date {ex.Message}", ex);
            }
            catch (FinalizationFailedException ex)
            {
                // The days that succeeded are committed: show them with the ones that failed, then say what failed.
                var partial = new FinalizationSummary(day, ex.Completed);
                await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? Json(partial, ex.Failures) : Render(partial, ex.Failures)).ConfigureAwait(false);
                await WriteNoticesAsync(context, partial, function.Settings.RecheckDays, parse.GetValue(jsonOption)).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"error: {Describe(ex, context.Get)}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? summary.ToJson() : Render(summary, [])).ConfigureAwait(false);
            await WriteNoticesAsync(context, summary, function.Settings.RecheckDays, parse.GetValue(jsonOption)).ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>
    /// One line a day whose metrics this run could not publish (it runs outside Lambda), saying what will: under the table
    /// in text mode, on stderr with <c>--json</c> (which keeps stdout one document).
    /// </summary>
    internal static async Task WriteNoticesAsync(CommandContext context, FinalizationSummary summary, int recheckDays, bool json)
    {
        foreach (var pending in summary.MetricsPending.Order())
        {
            var line = $"{IsoDate.Format(pending)}: metrics not published: {MetricsNotice.WhatPublishes(pending, recheckDays)}";
            await (json ? context.Error : context.Output).WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static readonly string[] Header = ["date", "action", "revision", "metrics", "total_issued", "total_redeemed", "net_rewards", "issued_count", "redeemed_count"];

    /// <summary>
    /// A failed run for people: each day not finalized with what went wrong (no exception type names; days that failed
    /// for the same reason share it, "2023-11-15, 2023-11-14 (reason)"), and that the others are committed.
    /// </summary>
    internal static string Describe(FinalizationFailedException failure, Func<string, string?> environment) => failure.Failures.Count == 0
        ? failure.Message
        : "not finalized: " + string.Join("; ", failure.Failures
              .GroupBy(f => Reason(f.Error, environment), StringComparer.Ordinal)
              .Select(g => $"{string.Join(", ", g.Select(f => IsoDate.Format(f.Day)))} ({g.Key})")) +
          (failure.Completed.Count > 0 ? "; the other days are committed" : "");

    private static string Reason(Exception error, Func<string, string?> environment) => error is AmazonServiceException or AmazonClientException or HttpRequestException
        ? AwsErrors.Describe(error, environment)
        : error.Message.ReplaceLineEndings(" ");

    /// <summary>The function's JSON summary, each failed day added to <c>days</c> in date order as <c>{"date","action":"failed","error"}</c>.</summary>
    private static string Json(FinalizationSummary summary, IReadOnlyList<(LocalDate Day, Exception Error)> failures)
    {
        var json = JsonNode.Parse(summary.ToJson())!.AsObject();
        var days = json["days"]!.AsArray().Select(d => (Date: d!["date"]!.GetValue<string>(), Node: d.DeepClone()))
            .Concat(failures.Select(f => (Date: IsoDate.Format(f.Day), Node: (JsonNode)new JsonObject
            {
                ["date"] = IsoDate.Format(f.Day),
                ["action"] = "failed",
                ["error"] = f.Error.Message,
            })))
            .OrderBy(d => d.Date, StringComparer.Ordinal)
            .Select(d => d.Node);
        json["days"] = new JsonArray([.. days]);
        return json.ToJsonString();
    }

    private static string Render(FinalizationSummary summary, IReadOnlyList<(LocalDate Day, Exception Error)> failures)
    {
        var rows = summary.Days.Select(d => d.Action == DayAction.NoData
            ? [IsoDate.Format(d.Date), "no data", "–", "–", "–", "–", "–", "–", "–"]
            : new[]
        {
            IsoDate.Format(d.Date),
            FinalizationSummary.Name(d.Action),
            d.Revision.ToString(CultureInfo.InvariantCulture),
            FinalizationSummary.Name(d.Metrics),
            ReportNumber.Format(d.Totals.TotalIssued),
            ReportNumber.Format(d.Totals.TotalRedeemed),
            ReportNumber.Format(d.Totals.NetRewards),
            d.Totals.IssuedCount.ToString(CultureInfo.InvariantCulture),
            d.Totals.RedeemedCount.ToString(CultureInfo.InvariantCulture),
        }).Concat(failures.Select(f => new[] { IsoDate.Format(f.Day), "failed", "–", "–", "–", "–", "–", "–", "–" }));
        return TextGrid.Render([Header, .. rows.OrderBy(r => r[0], StringComparer.Ordinal)]);
    }
}
