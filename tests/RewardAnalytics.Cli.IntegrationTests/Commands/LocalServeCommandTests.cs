using System.Text.Json;
using Xunit.Abstractions;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>local serve</c> + <c>totals</c>, the workflow README shows: a fresh world, and a demo's world kept in a directory and served again.</summary>
public sealed class LocalServeCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Variables =
        ["AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_S3", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "REWARDS_TABLE", "AGGREGATES_TABLE", "ANALYTICS_BUCKET", "REPORT_TIME_ZONE", "TOTALS_API_URL"];

    private readonly string _directory = Directory.CreateTempSubdirectory("reward-analytics-local-tests-").FullName;

    [Fact]
    public async Task Local_serve_writes_the_environment_that_totals_then_runs_against_until_it_is_stopped()
    {
        var envFile = Path.Combine(_directory, "local.env");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var serve = new CliApp(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), _ => null, TimeProvider.System)
            .RunAsync(["local", "serve", "--env-file", envFile], stop.Token);

        var lines = await WaitForLinesAsync(envFile, Variables.Length, serve);
        Assert.Equal(Variables, lines.Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]));
        var environment = lines.ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);

        var totals = new StringWriter();
        var totalsError = new StringWriter();
        var code = await new CliApp(totals, totalsError, name => environment.GetValueOrDefault(name), TimeProvider.System).RunAsync(["totals", "--date", "2025-03-03", "--json"], CancellationToken.None);
        Assert.True(code == 0, totalsError.ToString());
        Assert.Contains("\"issued_count\": 0", totals.ToString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serve);
    }

    [Fact]
    public async Task Curl_against_local_serve_gets_the_totals_and_every_error_of_the_totals_API()
    {
        var envFile = Path.Combine(_directory, "api.env");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var serve = new CliApp(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), _ => null, TimeProvider.System)
            .RunAsync(["local", "serve", "--env-file", envFile], stop.Token);
        var environment = (await WaitForLinesAsync(envFile, Variables.Length, serve))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var url = environment["TOTALS_API_URL"];
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", url);
        var invoke = await new CliApp(new StringWriter(), new StringWriter(), name => environment.GetValueOrDefault(name), TimeProvider.System)
            .RunAsync(["invoke", "aggregate", "--event", CliRun.Fixture("tumbling-window-event.json")], CancellationToken.None);
        Assert.Equal(0, invoke);

        // What curl does: a plain GET (or another method), no signature.
        using var http = new HttpClient();
        var day = await http.GetAsync(new Uri($"{url}/days/2023-11-15"));
        var range = await http.GetAsync(new Uri($"{url}/days?from=2023-11-14&to=2023-11-15"));
        var today = await http.GetAsync(new Uri($"{url}/today"));
        var badDate = await http.GetAsync(new Uri($"{url}/days/2023-11-31"));
        var tooLong = await http.GetAsync(new Uri($"{url}/days?from=2022-01-01&to=2023-11-15"));
        var unknown = await http.GetAsync(new Uri($"{url}/reports/2023-11-15"));
        using var post = new StringContent("{}");
        var notGet = await http.PostAsync(new Uri($"{url}/today"), post);

        Assert.Equal((200, "application/json"), ((int)day.StatusCode, day.Content.Headers.ContentType?.MediaType));
        using var body = JsonDocument.Parse(await day.Content.ReadAsStringAsync());
        Assert.Equal(("1500.0", "750.0", 1), (body.RootElement.GetProperty("total_issued").GetRawText(), body.RootElement.GetProperty("net_rewards").GetRawText(), body.RootElement.GetProperty("issued_count").GetInt32()));
        using var rangeBody = JsonDocument.Parse(await range.Content.ReadAsStringAsync());
        Assert.Equal("1500.0", rangeBody.RootElement.GetProperty("sum").GetProperty("total_issued").GetRawText());
        Assert.Equal(200, (int)today.StatusCode);
        Assert.Equal(
            (400, """{"error":"date in the path /days/{date} is '2023-11-31': expected a calendar date as YYYY-MM-DD, e.g. 2023-11-15"}"""),
            ((int)badDate.StatusCode, await badDate.Content.ReadAsStringAsync()));
        Assert.Equal(
            (400, """{"error":"the range from 2022-01-01 to 2023-11-15 is 684 days: expected at most 366 days"}"""),
            ((int)tooLong.StatusCode, await tooLong.Content.ReadAsStringAsync()));
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal((405, "GET"), ((int)notGet.StatusCode, string.Join(',', notGet.Content.Headers.Allow)));

        // Exactly what `curl -X POST URL` sends: no body and no Content-Length (a listener that insists on one answers 411).
        var curlPost = await RawRequestAsync(url, "POST /today HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 405 ", curlPost, StringComparison.Ordinal);
        Assert.EndsWith("""{"error":"method POST is not allowed on /today: expected GET"}""", curlPost, StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serve);
    }

    /// <summary>README's richer local workflow: a demo's world kept in a directory, then served for the other commands.</summary>
    [Fact]
    public async Task A_demo_world_kept_with_data_and_served_again_gives_totals_a_report_and_a_reconcile_to_show()
    {
        var data = Path.Combine(_directory, "world");
        var demo = await CliRun.RunAsync(_ => null, "demo", "--rewards", "1000", "--days", "2", "--data", data);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);

        var envFile = Path.Combine(_directory, "world.env");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var serve = new CliApp(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(new StringWriter()), _ => null, TimeProvider.System)
            .RunAsync(["local", "serve", "--data", data, "--env-file", envFile], stop.Token);
        var environment = (await WaitForLinesAsync(envFile, Variables.Length, serve))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        string? Get(string name) => environment.GetValueOrDefault(name);

        var totals = await CliRun.RunAsync(Get, "totals", "--date", "2025-03-03", "--json");
        var report = await CliRun.RunAsync(Get, "report", "--date", "2025-03-03");
        var reconcile = await CliRun.RunAsync(Get, "reconcile", "--from", "2025-03-03", "--to", "2025-03-04", "--fix");
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serve);

        Assert.True(totals.ExitCode == 0, totals.Error);
        Assert.DoesNotContain("\"issued_count\": 0,", totals.Output, StringComparison.Ordinal);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("revision: ", report.Output, StringComparison.Ordinal);
        Assert.True(reconcile.ExitCode == 0, reconcile.Output + reconcile.Error);
        Assert.Contains("2 days checked, 0 differ", reconcile.Output, StringComparison.Ordinal);
        output.WriteLine(totals.Output + report.Output + reconcile.Output);
    }

    /// <summary>
    /// Issue 19, 1b as a new user met it: a demo world made in New York, served, then repaired from a shell without
    /// REPORT_TIME_ZONE. Every command that would have rewritten its days in UTC refuses them, naming both zones.
    /// </summary>
    [Fact]
    public async Task A_world_made_in_another_time_zone_is_served_with_its_zone_and_every_command_in_utc_refuses_its_days()
    {
        var data = Path.Combine(_directory, "new-york");
        var demo = await CliRun.RunAsync(_ => null, "demo", "--rewards", "600", "--days", "2", "--time-zone", "America/New_York", "--data", data);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);

        var envFile = Path.Combine(_directory, "new-york.env");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var serveOutput = new StringWriter();
        var serve = new CliApp(TextWriter.Synchronized(serveOutput), TextWriter.Synchronized(new StringWriter()), _ => null, TimeProvider.System)
            .RunAsync(["local", "serve", "--data", data, "--env-file", envFile], stop.Token);
        var environment = (await WaitForLinesAsync(envFile, Variables.Length, serve))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var report = await CliRun.RunAsync(environment.GetValueOrDefault, "report", "--date", "2025-03-03");
        var inZone = await CliRun.RunAsync(environment.GetValueOrDefault, "reconcile", "--from", "2025-03-03", "--to", "2025-03-04");
        // The shell of the issue: the served environment, without REPORT_TIME_ZONE (UTC by default).
        string? Utc(string name) => name == "REPORT_TIME_ZONE" ? null : environment.GetValueOrDefault(name);
        var fix = await CliRun.RunAsync(Utc, "reconcile", "--from", "2025-03-03", "--to", "2025-03-04", "--fix");
        var finalize = await CliRun.RunAsync(Utc, "finalize", "--date", "2025-03-03");
        var totals = await CliRun.RunAsync(Utc, "totals", "--date", "2025-03-03");
        var range = await CliRun.RunAsync(Utc, "totals", "--from", "2025-03-03", "--to", "2025-03-04");
        var backfill = await CliRun.RunAsync(Utc, "backfill", "--from", "2025-03-03", "--to", "2025-03-04");
        var after = await CliRun.RunAsync(environment.GetValueOrDefault, "report", "--date", "2025-03-03");
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serve);

        Assert.Equal("America/New_York", environment["REPORT_TIME_ZONE"]);
        Assert.Contains("REPORT_TIME_ZONE=America/New_York\n", serveOutput.ToString(), StringComparison.Ordinal);
        Assert.True(inZone.ExitCode == 0, inZone.Output + inZone.Error);
        Assert.Contains("2 days checked, 0 differ", inZone.Output, StringComparison.Ordinal);
        const string refused = "2025-03-03 was summed in America/New_York but REPORT_TIME_ZONE is UTC: set REPORT_TIME_ZONE=America/New_York";
        Assert.Equal(1, fix.ExitCode);
        Assert.Contains("error: " + refused, fix.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", fix.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed", fix.Output, StringComparison.Ordinal);
        Assert.Equal(1, finalize.ExitCode);
        Assert.Contains(refused, finalize.Error, StringComparison.Ordinal);
        Assert.Equal((1, $"error: {refused}\n"), (totals.ExitCode, totals.Error));
        Assert.Equal(1, range.ExitCode);
        Assert.Contains("was summed in America/New_York but REPORT_TIME_ZONE is UTC", range.Error, StringComparison.Ordinal);
        Assert.Equal(1, backfill.ExitCode);
        Assert.Contains(refused, backfill.Error, StringComparison.Ordinal);
        // Nothing was rewritten: the published report is the one the demo made.
        Assert.Equal(report.Output, after.Output);
        output.WriteLine(fix.Output + fix.Error + finalize.Error + backfill.Error);
    }

    /// <summary>Sends <paramref name="request"/> as bytes on a new connection and returns the whole response.</summary>
    private static async Task<string> RawRequestAsync(string url, string request)
    {
        var uri = new Uri(url);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task<string[]> WaitForLinesAsync(string file, int count, Task<int> serve)
    {
        for (var i = 0; i < 1_200; i++)
        {
            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"local serve ended early with exit code {await serve}");
            }

            if (File.Exists(file))
            {
                var text = await File.ReadAllTextAsync(file);
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length == count && text.EndsWith('\n'))
                {
                    return lines;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"local serve did not write {file} within 2 minutes");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
