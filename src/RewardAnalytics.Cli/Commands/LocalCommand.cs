using System.CommandLine;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.Local.Api;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Lambda;

namespace RewardAnalytics.Cli.Commands;

/// <summary><c>local serve [--env-file PATH] [--data DIR]</c>: the local world for other commands to use, until stopped.</summary>
internal static class LocalCommand
{
    /// <summary>The variable <c>local serve</c> prints with the totals API's local base URL.</summary>
    public const string TotalsApiUrlVariable = "TOTALS_API_URL";

    /// <summary>
    /// The zone the world's days are summed in: the one its data directory records (a demo's world records its
    /// <c>--time-zone</c>), else this shell's <c>REPORT_TIME_ZONE</c> or UTC, which a kept world then records. A shell
    /// whose zone differs from the world's is told so: the printed environment carries the world's.
    /// </summary>
    private static async Task<string> ReportTimeZoneAsync(LocalAwsWorld world, CommandContext context, CancellationToken ct)
    {
        var shell = new EnvironmentReader(context.Get).Raw(AggregatorSettings.ReportTimeZoneVariable);
        if (world.RecordedReportTimeZone is { } recorded)
        {
            if (shell is not null && !string.Equals(shell, recorded, StringComparison.Ordinal))
            {
                await context.Error.WriteLineAsync(
                    $"note: {AggregatorSettings.ReportTimeZoneVariable} is {shell} in this shell, but the world in {world.Options.DataDirectory} was summed in " +
                    $"{recorded}: serving it in {recorded}; export the environment printed below").ConfigureAwait(false);
            }

            return recorded;
        }

        var zone = AggregatorSettings.FromEnvironment(new EnvironmentReader(name =>
            name == AggregatorSettings.AggregatesTableVariable ? world.Options.AggregatesTable : context.Get(name))).ReportTimeZone.Id;
        await world.RecordReportTimeZoneAsync(zone, ct).ConfigureAwait(false);
        return zone;
    }

    /// <summary>The <c>local</c> command and its <c>serve</c> sub-command, bound to <paramref name="app"/>.</summary>
    public static Command Create(CliApp app)
    {
        var envFile = new Option<FileInfo>("--env-file") { Description = "Also write the KEY=VALUE lines to this file (e.g. for 'set -a; . FILE'); removed when serve ends.", HelpName = "PATH" };
        var data = new Option<DirectoryInfo>("--data") { Description = "Keep the emulators' data in this directory between runs (in memory without it).", HelpName = "DIR" };
        var serve = new Command("serve",
            "Start dynalite (DynamoDB) and s3rver (S3) on free 127.0.0.1 ports, create the 'rewards' and 'reward-aggregates' tables and the " +
            "'reward-analytics-local' bucket, serve the totals API on 127.0.0.1 (TOTALS_API_URL; no authentication locally), print the environment that points every other command at them (one KEY=VALUE a line) and run " +
            "until Ctrl-C, which stops both emulators and removes the --env-file. The environment includes the world's REPORT_TIME_ZONE: the " +
            "zone a demo made the --data world in (recorded there), else this shell's or UTC; a command run in another zone refuses the world's days.\n" +
            "Example: reward-analytics local serve --env-file .local.env   # then, in another shell: set -a; . ./.local.env; set +a; reward-analytics totals --date 2025-03-03; curl \"$TOTALS_API_URL/days/2025-03-03\"")
        {
            envFile,
            data,
        };
        serve.SetAction((parse, ct) => app.RunAsync(parse, async context =>
        {
            var options = new LocalAwsOptions { Progress = context.Error.WriteLine, DataDirectory = CliInput.DirectoryPath(parse.GetValue(data), "--data")?.FullName };
            var file = parse.GetValue(envFile) is { } path ? CliInput.FileToWrite(path, "--env-file") : null;
            await using var world = await LocalAwsWorld.StartAsync(options, ct).ConfigureAwait(false);
            var zone = await ReportTimeZoneAsync(world, context, ct).ConfigureAwait(false);
            // The totals API reads the world's table in the world's zone.
            var environment = new EnvironmentReader(name => name == AggregatorSettings.ReportTimeZoneVariable ? zone : world.Get(name) ?? context.Get(name));
            var function = new TotalsApi(TotalsApi.Compose(environment, context.Clock), context.Clock, LambdaProcessOutput.For(context.Error, environment, context.Clock).Log);
            await using var api = LocalFunctionUrl.Start(function.AnswerAsync, context.Clock);
            var lines = world.EnvironmentFile + $"{AggregatorSettings.ReportTimeZoneVariable}={zone}\n{TotalsApiUrlVariable}={api.Url}\n";
            await using var written = await ServedEnvironmentFile.WriteAsync(file, lines, ct).ConfigureAwait(false); // removed when serve ends

            await context.Output.WriteAsync(lines).ConfigureAwait(false);
            await context.Output.FlushAsync(ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync(
                $"local AWS is running: DynamoDB {world.DynamoDbEndpoint}, S3 {world.S3Endpoint} (pids {string.Join(", ", world.ProcessIds)}), " +
                $"the totals API at {api.Url} (no authentication locally; in AWS its function URL requires SigV4-signed requests, AWS_IAM); " +
                $"{(options.DataDirectory is null ? "data in memory" : $"data in {options.DataDirectory}")}. Ctrl-C stops it.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C is how serve is meant to end.
            }

            return ExitCodes.Success;
        }, ct));
        app.Standalone(serve);
        return new Command("local", "The local world (dynalite + s3rver) without an AWS account.") { serve };
    }
}
