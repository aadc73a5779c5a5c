using System.CommandLine;
using RewardAnalytics.Aws;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>totals --date YYYY-MM-DD [--json]</c>: the day's running totals, as the aggregates table holds them now.</summary>
public static class TotalsCommand
{
    /// <summary>The <c>totals</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var dateOption = new Option<string>("--date") { Description = "The day, in the report time zone.", Required = true, HelpName = "YYYY-MM-DD" };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object with the report's six fields (same names and number style as the S3 report)." };
        var command = new Command("totals",
            "Print a day's near-real-time running totals: one consistent query of the day's items in AGGREGATES_TABLE, summed.\n" +
            "Example: reward-analytics totals --date 2023-11-15 --json")
        {
            dateOption,
            jsonOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var day = CliInput.Date(parse.GetValue(dateOption), "--date");
            var tableName = context.Require(AggregatorSettings.AggregatesTableVariable, "the name of the aggregates table");
            using var dynamo = AwsClients.CreateDynamoDb(context.Get);
            var table = new DynamoAggregatesTable(dynamo, tableName, context.Clock);
            var totals = await table.ReadRunningTotalsAsync(day, ct).ConfigureAwait(false);
            var report = new DailyReport(day, totals);
            await context.Output.WriteLineAsync(parse.GetValue(jsonOption) ? report.ToJson() : ReportTable.Render(report)).ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
