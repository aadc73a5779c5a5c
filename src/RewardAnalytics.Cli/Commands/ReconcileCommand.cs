using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Cli.Commands;

/// <summary>
/// <c>reconcile --from D --to D [--json] [--fix]</c>: a full parallel scan of the rewards table compared day by day
/// with the running totals; <c>--fix</c> writes each differing day's <c>CORRECTION</c> item, against the ledger it was
/// computed from (<see cref="RewardsReconciliation"/>), and names the days it refused.
/// </summary>
internal static class ReconcileCommand
{
    private static readonly string[] Header = ["date", "field", "scan+ttl", "running", "difference"];

    /// <summary>The <c>reconcile</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var range = new DayRangeOptions("First day to check, in REPORT_TIME_ZONE.", "Last day to check (inclusive).");
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object: every day's scan, TTL-expired tally, running totals and difference." };
        var fixOption = new Option<bool>("--fix")
        {
            Description = "For each differing day write a CORRECTION item = scan + TTL-expired minus shard items (replacing any earlier one), only over the " +
                          "ledger it was computed from: a day the stream changed meanwhile is rescanned, or refused by name with nothing written for it. " +
                          "Refused for today or later: the stream is still writing those days.",
        };
        var segmentsOption = SegmentsOption();
        var command = new Command("reconcile",
            "Compare the running totals with the ground truth: a full, consistent, parallel Scan of REWARDS_TABLE (the original service's method), " +
            "each item counted on its createdAt day in REPORT_TIME_ZONE by the same rules as the stream, plus what TTL expiries removed from the table " +
            "(tallied by the aggregator on the shard items: an expiry is history, not a correction). Prints the differences; exit code 0 only " +
            "when every day matches and none is refused. With --fix, history written before the stream existed, or any drift, is brought into the " +
            "totals; the next finalize publishes a revision.\n" +
            "Needs REWARDS_TABLE and AGGREGATES_TABLE (and REPORT_TIME_ZONE, REWARD_*_ATTRIBUTE if not the defaults).\n" +
            "Example: reward-analytics reconcile --from 2023-11-01 --to 2023-11-15 --fix")
        {
            range.From,
            range.To,
            jsonOption,
            fixOption,
            segmentsOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var days = range.Parse(parse);
            var segments = Segments(parse, segmentsOption);
            var settings = RepairSettings.FromEnvironment(context.Environment);
            using var dynamo = AwsClients.CreateDynamoDb(context.Get);
            ReconciliationResult result;
            try
            {
                result = await new RewardsReconciliation(dynamo, settings, context.Clock, app.RepairSteps)
                    .RunAsync(days, segments, parse.GetValue(fixOption), ct).ConfigureAwait(false);
            }
            catch (ReconciliationRequestException ex)
            {
                throw new UsageException(ex is { LastDay: { } last, Today: { } today, Zone: { } zone }
                    ? $"--fix is refused for {IsoDate.Format(last)}: today in {zone.Id} is {IsoDate.Format(today)} and " +
                      "a day that has not ended is still being written by the stream; fix up to yesterday"
                    : ex.Message, ex);
            }

            var output = parse.GetValue(jsonOption) ? Json(days, result) : Text(result);
            await context.Output.WriteLineAsync(output).ConfigureAwait(false);
            foreach (var day in result.Days.Where(d => d.Error is not null))
            {
                await context.Error.WriteLineAsync($"error: {day.Error}").ConfigureAwait(false);
            }

            await WriteRefusedAsync(context.Error, result.Refused, "reconcile").ConfigureAwait(false);
            return result.AllMatch ? ExitCodes.Success : ExitCodes.Failed;
        }, ct));
        return command;
    }

    /// <summary>The <c>--segments N</c> option of the commands that scan the rewards table (<c>reconcile</c>, <c>backfill</c>).</summary>
    public static Option<int> SegmentsOption() =>
        new("--segments") { Description = "Parallel scan segments.", DefaultValueFactory = _ => RewardsTableScan.DefaultSegments, HelpName = "N" };

    /// <summary>The value of <paramref name="option"/> (from <see cref="SegmentsOption"/>), checked.</summary>
    /// <exception cref="UsageException">It is outside 1 to 1000.</exception>
    public static int Segments(ParseResult parse, Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var segments = parse.GetValue(option);
        return segments is < 1 or > 1000
            ? throw new UsageException($"--segments is {segments}: expected a whole number from 1 to 1000")
            : segments;
    }

    /// <summary>
    /// The error line naming the days a repair refused (nothing was written for them), on <paramref name="error"/>;
    /// nothing when none was refused. <paramref name="command"/> is the command to run again for them.
    /// </summary>
    public static async Task WriteRefusedAsync(TextWriter error, IReadOnlyList<RefusedDay> refused, string command)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(refused);
        if (refused.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", refused.Select(r => $"{IsoDate.Format(r.Date)} ({r.Reason})"));
        await error.WriteLineAsync(
            $"error: refused: {named}; nothing was written for {(refused.Count == 1 ? "it" : "them")}, the other days are done: run {command} again for " +
            (refused.Count == 1 ? "that day" : "those days")).ConfigureAwait(false);
    }

    private static string Text(ReconciliationResult result)
    {
        var (tally, checks, fixedDays) = (result.Tally, result.Days, result.Fixed);
        var text = new StringBuilder();
        foreach (var day in fixedDays)
        {
            text.Append("fixed ").Append(IsoDate.Format(day.Date)).Append(": CORRECTION = ").Append(day.Correction).Append('\n');
        }

        foreach (var day in result.Refused)
        {
            text.Append("refused ").Append(IsoDate.Format(day.Date)).Append(": ").Append(day.Reason).Append('\n');
        }

        // An unreadable day is neither a match nor a difference: its error line goes to stderr (WriteUnreadableAsync).
        var mismatched = checks.Where(c => !c.Matches && c.Error is null).ToArray();
        var unreadableDays = checks.Count(c => c.Error is not null);
        if (mismatched.Length > 0)
        {
            var rows = new List<string[]> { Header };
            foreach (var day in mismatched)
            {
                foreach (var (field, scan, running, difference) in Fields(day))
                {
                    if (difference is not ("0.0" or "0"))
                    {
                        rows.Add([IsoDate.Format(day.Date), field, scan, running, difference]);
                    }
                }
            }

            text.Append(TextGrid.Render(rows)).Append('\n');
        }

        var unreadable = tally.Unreadable.Values.Sum();
        var refused = result.Refused.Count;
        var rescans = result.Scans - 1;
        var days = checks.Count + refused;
        text.Append(CultureInfo.InvariantCulture, $"{days} day{(days == 1 ? "" : "s")} checked, {mismatched.Length} differ{(mismatched.Length == 1 ? "s" : "")} ")
            .Append(CultureInfo.InvariantCulture, $"({tally.ItemsRead} item{(tally.ItemsRead == 1 ? "" : "s")} scanned, {unreadable} not counted as unreadable")
            .Append(rescans == 0 ? ")" : string.Create(CultureInfo.InvariantCulture, $"; {rescans} rescan{(rescans == 1 ? "" : "s")} of days the stream changed during a scan)"))
            .Append(refused == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {refused} refused"))
            .Append(unreadableDays == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {unreadableDays} unreadable"))
            .Append(mismatched.Length == 0 ? (refused + unreadableDays == 0 ? ": every day matches" : ": every other day matches")
                : fixedDays.Count > 0 ? ": still differing after the fix (records arriving meanwhile?)" : "; --fix writes the corrections");
        return text.ToString();
    }

    private static IEnumerable<(string Field, string Scan, string Running, string Difference)> Fields(DayReconciliation day)
    {
        DailyTotals s = day.GroundTruth, r = day.RunningTotals, d = day.Difference;
        yield return (ReportFields.TotalIssued, ReportNumber.Format(s.TotalIssued), ReportNumber.Format(r.TotalIssued), ReportNumber.Format(d.TotalIssued));
        yield return (ReportFields.TotalRedeemed, ReportNumber.Format(s.TotalRedeemed), ReportNumber.Format(r.TotalRedeemed), ReportNumber.Format(d.TotalRedeemed));
        yield return (ReportFields.IssuedCount, Count(s.IssuedCount), Count(r.IssuedCount), Count(d.IssuedCount));
        yield return (ReportFields.RedeemedCount, Count(s.RedeemedCount), Count(r.RedeemedCount), Count(d.RedeemedCount));
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Json(DateInterval range, ReconciliationResult result)
    {
        var (tally, fixedDays) = (result.Tally, result.Fixed);
        var refused = result.Refused.ToDictionary(r => r.Date);
        var compared = result.Days.ToDictionary(d => d.Date);
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("from", IsoDate.Format(range.Start));
            json.WriteString("to", IsoDate.Format(range.End));
            json.WriteBoolean("matches", result.AllMatch);
            json.WriteNumber("itemsScanned", tally.ItemsRead);
            json.WriteNumber("itemsUnreadable", tally.Unreadable.Values.Sum());
            json.WriteStartArray("fixed");
            foreach (var day in fixedDays)
            {
                json.WriteStringValue(IsoDate.Format(day.Date));
            }

            json.WriteEndArray();
            json.WriteNumber("scans", result.Scans);
            ReconcileCommand.WriteRefused(json, result.Refused);
            json.WriteStartArray("days");
            foreach (var date in range)
            {
                if (refused.TryGetValue(date, out var refusal))
                {
                    json.WriteStartObject();
                    json.WriteString("date", IsoDate.Format(date));
                    json.WriteBoolean("matches", false);
                    json.WriteString("refused", refusal.Reason);
                    json.WriteEndObject();
                    continue;
                }

                if (!compared.TryGetValue(date, out var day))
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("date", IsoDate.Format(day.Date));
                json.WriteBoolean("matches", day.Matches);
                if (day.Error is not null)
                {
                    json.WriteString("error", day.Error);
                    json.WriteEndObject();
                    continue;
                }

                Totals(json, "scan", day.Scanned);
                Totals(json, "ttlExpired", day.Ledger.Expired);
                Totals(json, "running", day.RunningTotals);
                Totals(json, "difference", day.Difference);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Totals(Utf8JsonWriter json, string name, DailyTotals totals)
    {
        json.WriteStartObject(name);
        TotalsJson.Write(json, totals);
        json.WriteEndObject();
    }

    /// <summary>The <c>refused</c> array of the repair commands' JSON: each refused day with its reason.</summary>
    internal static void WriteRefused(System.Text.Json.Utf8JsonWriter json, IEnumerable<RefusedDay> refused)
    {
        json.WriteStartArray("refused");
        foreach (var day in refused)
        {
            json.WriteStartObject();
            json.WriteString("date", IsoDate.Format(day.Date));
            json.WriteString("reason", day.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
