using System.CommandLine;
using System.Globalization;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;

namespace RewardAnalytics.Cli.Commands;

/// <summary>
/// <c>totals --date YYYY-MM-DD [--json]</c>: the day's running totals, as the aggregates table holds them now;
/// <c>totals --from D1 --to D2 [--json]</c>: each day of a range and their sum, as the totals API answers <c>/days?from=&amp;to=</c>
/// (an unreadable day is marked in the output, its reason printed as an error line, and the exit code is non-zero).
/// </summary>
internal static class TotalsCommand
{
    /// <summary>The <c>totals</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var dateOption = new Option<string>("--date") { Description = "The day, in the report time zone.", HelpName = "YYYY-MM-DD" };
        var fromOption = new Option<string>("--from") { Description = "First day of a range (with --to), in the report time zone.", HelpName = "YYYY-MM-DD" };
        var toOption = new Option<string>("--to") { Description = $"Last day of the range (inclusive; at most {DayTotalsReader.MaxRangeDays} days).", HelpName = "YYYY-MM-DD" };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "With --date: one JSON object with the report's six fields (same names and number style as the S3 report). " +
                "With --from/--to: the totals API's range body {\"from\",\"to\",\"days\":[...],\"sum\":{...}}.",
        };
        var command = new Command("totals",
            "Print a day's near-real-time running totals: one consistent query of the day's items in AGGREGATES_TABLE, summed (refused for a day " +
            "summed in another REPORT_TIME_ZONE). With --from and " +
            "--to, every day of the range (with its report revision, if finalized) and their sum, read as the totals API reads them.\n" +
            "Example: reward-analytics totals --date 2023-11-15 --json\n" +
            "Example: reward-analytics totals --from 2023-11-01 --to 2023-11-15")
        {
            dateOption,
            fromOption,
            toOption,
            jsonOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var (date, from, to) = (parse.GetValue(dateOption), parse.GetValue(fromOption), parse.GetValue(toOption));
            if (date is null == (from is null && to is null) || (from is null != (to is null)))
            {
                throw new UsageException("totals needs either --date YYYY-MM-DD, or --from YYYY-MM-DD with --to YYYY-MM-DD");
            }

            var day = date is null ? (LocalDate?)null : CliInput.Date(date, "--date");
            var range = day is null ? Range(from!, to!) : null;
            context.Require(AggregatorSettings.AggregatesTableVariable, "the name of the aggregates table");
            // Both modes read through the totals API's own read side; a day summed in another REPORT_TIME_ZONE is refused
            // (naming both zones): its figures are another calendar's.
            var reader = TotalsApi.Compose(context.Environment, context.Clock);
            if (day is { } one)
            {
                var report = new DailyReport(one, (await reader.ReadDayAsync(one, ct).ConfigureAwait(false)).Totals);
                await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? report.ToJson() : ReportTable.Render(report)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var days = await reader.ReadRangeAsync(range!.Start, range.End, ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? days.ToJson() : RangeTable(days)).ConfigureAwait(false);
            // An unreadable day is an error for that day alone: the others are printed, the reason goes to stderr.
            foreach (var unreadable in days.UnreadableDays)
            {
                await context.Error.WriteLineAsync($"error: {unreadable.UnreadableReason}").ConfigureAwait(false);
            }

            return days.UnreadableDays.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }, ct));
        return command;
    }

    /// <summary>The <c>--from</c>/<c>--to</c> interval, refused when longer than the totals API answers.</summary>
    private static DateInterval Range(string from, string to)
    {
        var range = DayRangeOptions.Parse(from, to);
        return range.Length > DayTotalsReader.MaxRangeDays
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--from {IsoDate.Format(range.Start)} --to {IsoDate.Format(range.End)} is {range.Length} days: expected at most {DayTotalsReader.MaxRangeDays} days"))
            : range;
    }

    private static readonly string[] Header = ["date", "total_issued", "total_redeemed", "net_rewards", "issued_count", "redeemed_count", "final_revision"];

    private static string RangeTable(DayRangeView range)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(range.Days.Select(d => d.UnreadableReason is null
            ? Row(IsoDate.Format(d.Date), d.Totals, d.FinalRevision?.ToString(CultureInfo.InvariantCulture) ?? "-")
            : [IsoDate.Format(d.Date), "unreadable", "-", "-", "-", "-", "-"]));
        var left = range.UnreadableDays.Count;
        rows.Add(Row(left == 0 ? "sum" : string.Create(CultureInfo.InvariantCulture, $"sum ({left} unreadable day{(left == 1 ? "" : "s")} left out)"), range.Sum, string.Empty));
        return TextGrid.Render(rows);
    }

    private static string[] Row(string label, DailyTotals t, string revision) =>
    [
        label,
        ReportNumber.Format(t.TotalIssued),
        ReportNumber.Format(t.TotalRedeemed),
        ReportNumber.Format(t.NetRewards),
        t.IssuedCount.ToString(CultureInfo.InvariantCulture),
        t.RedeemedCount.ToString(CultureInfo.InvariantCulture),
        revision,
    ];
}
