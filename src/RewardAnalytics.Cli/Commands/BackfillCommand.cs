using System.CommandLine;
using System.Globalization;
using System.Text;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Cli.Commands;

/// <summary>
/// <c>backfill --from D --to D [--json]</c>: history the stream never saw brought into the running totals (one scan for the
/// whole range, a <c>CORRECTION</c> per differing day written against the ledger it was computed from), then each day
/// finalized by the finalizer's own path; a day the stream kept changing is refused by name, nothing written for it.
/// </summary>
internal static class BackfillCommand
{
    private static readonly string[] Header = ["date", "total_issued", "total_redeemed", "net_rewards", "issued_count", "redeemed_count", "action"];

    /// <summary>The <c>backfill</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var range = new DayRangeOptions("First day to backfill, in REPORT_TIME_ZONE.", "Last day to backfill (inclusive); it must have ended.");
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object: per day the totals, whether a correction was written and what finalizing did." };
        var segmentsOption = ReconcileCommand.SegmentsOption();
        var command = new Command("backfill",
            "Bring history into the service, e.g. the days before the stream was enabled, or the day it was enabled (partly streamed): " +
            "ONE consistent parallel Scan of REWARDS_TABLE for the whole range, counted with the stream's rules plus the TTL-expired tally " +
            "(exactly as reconcile counts); each day that differs gets the CORRECTION that makes its running totals equal the scan, written " +
            "only over the ledger it was computed from (as reconcile --fix); then every day is finalized with the daily finalizer's own path: " +
            "S3 report under REPORT_PREFIX and FINAL; run outside Lambda, its metrics reach no CloudWatch, so FINAL records them as not " +
            "published and the deployed finalizer publishes those CloudWatch still accepts (the last 14 days) when it next checks them or is " +
            "invoked for them (printed per day). A day the stream kept changing is refused by name: neither corrected nor finalized. Refused " +
            "for today or later. Prints one line per day (date, totals, action). A second run changes nothing and says so. Exit code 0 when " +
            "every day equals the scan and none is refused.\n" +
            "Needs REWARDS_TABLE, AGGREGATES_TABLE and ANALYTICS_BUCKET (and REPORT_TIME_ZONE, REPORT_PREFIX, REWARD_*_ATTRIBUTE if not the defaults).\n" +
            "Example: reward-analytics backfill --from 2023-01-01 --to 2023-11-14")
        {
            range.From,
            range.To,
            jsonOption,
            segmentsOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var days = range.Parse(parse);
            var segments = ReconcileCommand.Segments(parse, segmentsOption);
            var settings = RepairSettings.FromEnvironment(context.Environment);
            // The finalizer's log lines go to stderr as written; run here, outside Lambda, it writes no EMF (no CloudWatch would read it).
            var log = TextWriter.Synchronized(context.Error);
            var finalizer = new DailyFinalizer(DailyFinalizer.Compose(context.Environment, context.Clock, new FunctionOutput(log, log), MetricsDelivery.OutsideLambda));
            using var dynamo = AwsClients.CreateDynamoDb(context.Get);
            BackfillResult result;
            try
            {
                result = await new HistoryBackfill(dynamo, settings, context.Clock, finalizer.FinalizeDayAsync, app.RepairSteps)
                    .RunAsync(days, segments, ct).ConfigureAwait(false);
            }
            catch (ReconciliationRequestException ex)
            {
                throw new UsageException(ex is { LastDay: { } last, Today: { } today, Zone: { } zone }
                    ? $"--to is {IsoDate.Format(last)}: today in {zone.Id} is {IsoDate.Format(today)}, and a day that has not ended is still " +
                      $"being written by the stream; backfill up to {IsoDate.Format(today.PlusDays(-1))}"
                    : ex.Message, ex);
            }

            await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? Json(days, result) : Text(result)).ConfigureAwait(false);
            await ReconcileCommand.WriteRefusedAsync(context.Error, result.Refused, "backfill").ConfigureAwait(false);
            await FinalizeCommand.WriteNoticesAsync(context, new FinalizationSummary(days.End, result.Days.Select(d => d.Finalized).ToArray()),
                finalizer.Settings.RecheckDays, parse.GetValue(jsonOption)).ConfigureAwait(false);
            return result.AllMatch ? ExitCodes.Success : ExitCodes.Failed;
        }, ct));
        return command;
    }

    private static string Text(BackfillResult result)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(result.Days.Select(d => new[]
        {
            IsoDate.Format(d.Date),
            ReportNumber.Format(d.Finalized.Totals.TotalIssued),
            ReportNumber.Format(d.Finalized.Totals.TotalRedeemed),
            ReportNumber.Format(d.Finalized.Totals.NetRewards),
            d.Finalized.Totals.IssuedCount.ToString(CultureInfo.InvariantCulture),
            d.Finalized.Totals.RedeemedCount.ToString(CultureInfo.InvariantCulture),
            d.Action,
        }));
        rows.AddRange(result.Refused.Select(d => new[] { IsoDate.Format(d.Date), "-", "-", "-", "-", "-", "refused" }));
        rows.Sort(1, rows.Count - 1, Comparer<string[]>.Create((a, b) => string.CompareOrdinal(a[0], b[0])));
        var text = new StringBuilder(TextGrid.Render(rows)).Append('\n');
        foreach (var day in result.Refused)
        {
            text.Append("refused ").Append(IsoDate.Format(day.Date)).Append(": ").Append(day.Reason).Append('\n');
        }

        var corrected = result.Days.Count(d => d.Corrected);
        var reports = result.Days.Count(d => d.Finalized.Action != DayAction.Unchanged);
        var scans = result.Scans == 1 ? "one scan" : string.Create(CultureInfo.InvariantCulture, $"{result.Scans} scans (rescans of days the stream changed during one)");
        text.Append(CultureInfo.InvariantCulture, $"{result.Days.Count} day{(result.Days.Count == 1 ? "" : "s")} backfilled from {scans} ({result.Tally.ItemsRead} item{(result.Tally.ItemsRead == 1 ? "" : "s")} scanned): ");
        text.Append(!result.Changed
            ? "nothing changed, every day already equals the scan and its report is current"
            : string.Create(CultureInfo.InvariantCulture, $"{corrected} corrected, {reports} report{(reports == 1 ? "" : "s")} written"));
        if (result.Refused.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {result.Refused.Count} refused, nothing written for {(result.Refused.Count == 1 ? "it" : "them")}: run backfill again for {(result.Refused.Count == 1 ? "that day" : "those days")}");
        }

        if (result.Days.Any(d => !d.Check.Matches))
        {
            text.Append("; still differing after the correction (records arriving meanwhile?): run reconcile for those days");
        }

        return text.ToString();
    }

    private static string Json(DateInterval days, BackfillResult result)
    {
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("from", IsoDate.Format(days.Start));
            json.WriteString("to", IsoDate.Format(days.End));
            json.WriteBoolean("changed", result.Changed);
            json.WriteBoolean("matches", result.AllMatch);
            json.WriteNumber("itemsScanned", result.Tally.ItemsRead);
            json.WriteNumber("scans", result.Scans);
            ReconcileCommand.WriteRefused(json, result.Refused);
            json.WriteStartArray("days");
            foreach (var day in result.Days)
            {
                json.WriteStartObject();
                json.WriteString("date", IsoDate.Format(day.Date));
                json.WriteString("action", day.Action);
                json.WriteBoolean("corrected", day.Corrected);
                json.WriteString("report", FinalizationSummary.Name(day.Finalized.Action));
                json.WriteNumber("revision", day.Finalized.Revision);
                json.WriteString("metrics", FinalizationSummary.Name(day.Finalized.Metrics));
                TotalsJson.Write(json, day.Finalized.Totals);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
