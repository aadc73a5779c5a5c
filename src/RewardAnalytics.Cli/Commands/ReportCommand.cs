using System.CommandLine;
using System.Text;
using Amazon.S3;
using RewardAnalytics.Aws;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>report --date YYYY-MM-DD</c>: prints a day's stored S3 report and its metadata.</summary>
internal static class ReportCommand
{
    /// <summary>The <c>report</c> command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var dateOption = new Option<string>("--date") { Description = "The day whose report to print.", Required = true, HelpName = "YYYY-MM-DD" };
        var command = new Command("report",
            "Print a day's finalized report as stored in S3: its location, content type, encryption and metadata (revision, finalized-at, " +
            "source), a blank line, then the body exactly as stored. The report is the figure of record.\n" +
            "Needs ANALYTICS_BUCKET (and REPORT_PREFIX if not daily-rewards/).\n" +
            "Example: reward-analytics report --date 2023-11-15")
        {
            dateOption,
        };
        command.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var day = CliInput.Date(parse.GetValue(dateOption), "--date");
            var bucket = context.Require(FinalizerSettings.AnalyticsBucketVariable, "the name of the S3 bucket of the daily reports");
            var prefix = context.Get(FinalizerSettings.ReportPrefixVariable) is { Length: > 0 } configured ? configured : FinalizerSettings.DefaultReportPrefix;
            using var s3 = AwsClients.CreateS3(context.Get);
            var store = new S3ReportStore(s3, bucket, prefix);
            StoredReport? stored;
            try
            {
                stored = await store.GetAsync(day, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == S3ReportStore.NoSuchBucket)
            {
                await context.Error.WriteLineAsync(
                    $"error: {FinalizerSettings.AnalyticsBucketVariable} is '{store.Bucket}': the bucket does not exist (expected the bucket the finalizer writes the reports to)").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (stored is null)
            {
                await context.Error.WriteLineAsync(
                    $"error: no report at s3://{store.Bucket}/{store.KeyOf(day)}: the day has not been finalized (see '{CliApp.Name} finalize --help')").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (ReportContent.Read(stored.Body).Problem is not null)
            {
                // An endpoint that is not S3 can answer 200 to any GET (DynamoDB Local's and dynalite's health line).
                var endpoint = context.Get(AwsClients.S3EndpointVariable);
                await context.Error.WriteLineAsync(
                    $"error: s3://{store.Bucket}/{stored.Key} holds no daily report: expected a JSON object, got a body that begins '{Beginning(stored.Body)}'" +
                    (string.IsNullOrWhiteSpace(endpoint) ? "" : $"; is {AwsClients.S3EndpointVariable} '{endpoint}' the S3 endpoint?")).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var text = new StringBuilder();
            text.Append("s3://").Append(stored.Bucket).Append('/').Append(stored.Key).Append('\n');
            text.Append("content-type: ").Append(stored.ContentType).Append('\n');
            if (stored.ServerSideEncryption is { Length: > 0 } sse)
            {
                text.Append("server-side-encryption: ").Append(sse).Append('\n');
            }

            foreach (var (name, value) in stored.Metadata)
            {
                text.Append(name).Append(": ").Append(value).Append('\n');
            }

            text.Append('\n').Append(Encoding.UTF8.GetString(stored.Body));
            await context.Output.WriteLineAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string Beginning(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 60)).ReplaceLineEndings(" ").Trim();
        return body.Length > 60 ? text + "…" : text;
    }
}
