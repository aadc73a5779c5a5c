using System.CommandLine;
using System.Globalization;
using System.Text;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Cli.Commands;

/// <summary>
/// <c>parity --from D --to D --baseline-prefix P [--candidate-prefix P] [--json]</c>: two sets of daily reports in the
/// analytics bucket compared day by day, field by field, by JSON content (the old job's reports against this service's).
/// </summary>
internal static class ParityCommand
{
    private static readonly string[] Header = ["date", "result", "field", "baseline", "candidate"];

    /// <summary>The <c>parity</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var range = new DayRangeOptions("First day to compare.", "Last day to compare (inclusive).");
        var baselineOption = new Option<string>("--baseline-prefix")
        {
            Description = "Key prefix of the reports to compare against, e.g. the old job's daily-rewards/.", Required = true, HelpName = "PREFIX",
        };
        var candidateOption = new Option<string>("--candidate-prefix")
        {
            Description = "Key prefix of the reports under test (default: REPORT_PREFIX, or daily-rewards/ when unset), e.g. daily-rewards-shadow/.", HelpName = "PREFIX",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object: per day the result and every differing field with both values." };
        var command = new Command("parity",
            "Prove two report sets equal before a cutover: for each day, s3://ANALYTICS_BUCKET/<baseline-prefix>YYYY-MM-DD.json against " +
            "<candidate-prefix>YYYY-MM-DD.json, read by their JSON content (any whitespace or key order), field by field: date as text, " +
            "amounts and counts as exact decimals (1500 equals 1500.0). Prints the days missing on either side and the differing days and " +
            "fields with both values; exit code 0 only when every day's reports exist and match. When a day differs, reconcile decides " +
            "which side is right (docs/cutover.md).\n" +
            "Needs ANALYTICS_BUCKET (and REPORT_PREFIX as the default candidate).\n" +
            "Example: reward-analytics parity --from 2023-11-01 --to 2023-11-14 --baseline-prefix daily-rewards/ --candidate-prefix daily-rewards-shadow/")
        {
            range.From,
            range.To,
            baselineOption,
            candidateOption,
            jsonOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var days = range.Parse(parse);
            var baselinePrefix = Prefix(parse.GetValue(baselineOption), "--baseline-prefix");
            var candidatePrefix = parse.GetValue(candidateOption) is { } given
                ? Prefix(given, "--candidate-prefix")
                : Prefix(context.Get(FinalizerSettings.ReportPrefixVariable) is { Length: > 0 } configured ? configured : FinalizerSettings.DefaultReportPrefix,
                    FinalizerSettings.ReportPrefixVariable);
            var bucket = context.Require(FinalizerSettings.AnalyticsBucketVariable, "the name of the S3 bucket of the daily reports");
            using var s3 = AwsClients.CreateS3(context.Get);
            ReportParityCheck check;
            try
            {
                check = new ReportParityCheck(s3, bucket, baselinePrefix, candidatePrefix);
            }
            catch (ParityRequestException ex)
            {
                throw new UsageException(
                    $"--baseline-prefix and the candidate prefix are both '{baselinePrefix}': expected two different report sets " +
                    "(pass --candidate-prefix, e.g. daily-rewards-shadow/, or set REPORT_PREFIX)", ex);
            }

            var results = await check.RunAsync(days, ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync(parse.GetValue(jsonOption)
                ? Json(days, check.BaselineUri, check.CandidateUri, results)
                : Text(check.BaselineUri, check.CandidateUri, results)).ConfigureAwait(false);
            return results.All(r => r.Matches) ? ExitCodes.Success : ExitCodes.Failed;
        }, ct));
        return command;
    }

    private static string Prefix(string? prefix, string name) =>
        prefix is { Length: > 0 and <= 512 } && prefix.EndsWith('/') && !prefix.StartsWith('/')
            ? prefix
            : throw new UsageException($"{name} is '{prefix}': expected a key prefix ending in '/' and not starting with '/', such as 'daily-rewards/'");

    private static string Text(string baselineUri, string candidateUri, IReadOnlyList<ReportParity> results)
    {
        var text = new StringBuilder();
        var failing = results.Where(r => !r.Matches).ToArray();
        if (failing.Length > 0)
        {
            var rows = new List<string[]> { Header };
            foreach (var day in failing)
            {
                var date = IsoDate.Format(day.Date);
                if (day.Differences.Count == 0)
                {
                    rows.Add([date, day.Result, "", day.BaselineExists ? "present" : "missing", day.CandidateExists ? "present" : "missing"]);
                }

                rows.AddRange(day.Differences.Select(d => new[] { date, day.Result, d.Field, d.Baseline ?? "(missing)", d.Candidate ?? "(missing)" }));
            }

            text.Append(TextGrid.Render(rows)).Append('\n');
        }

        var differ = results.Count(r => r.Result == "differs");
        var missing = results.Count(r => !r.BaselineExists || !r.CandidateExists);
        text.Append(CultureInfo.InvariantCulture, $"{results.Count} day{(results.Count == 1 ? "" : "s")} compared, baseline {baselineUri} against candidate {candidateUri}: ")
            .Append(failing.Length == 0
                ? "every day matches"
                : string.Create(CultureInfo.InvariantCulture, $"{results.Count - failing.Length} match, {differ} differ, {missing} missing a report"));
        return text.ToString();
    }

    private static string Json(DateInterval days, string baselineUri, string candidateUri, IReadOnlyList<ReportParity> results)
    {
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("from", IsoDate.Format(days.Start));
            json.WriteString("to", IsoDate.Format(days.End));
            json.WriteString("baseline", baselineUri);
            json.WriteString("candidate", candidateUri);
            json.WriteBoolean("matches", results.All(r => r.Matches));
            json.WriteStartArray("days");
            foreach (var day in results)
            {
                json.WriteStartObject();
                json.WriteString("date", IsoDate.Format(day.Date));
                json.WriteString("result", day.Result);
                json.WriteStartArray("differences");
                foreach (var difference in day.Differences)
                {
                    json.WriteStartObject();
                    json.WriteString("field", difference.Field);
                    json.WriteString("baseline", difference.Baseline);
                    json.WriteString("candidate", difference.Candidate);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
