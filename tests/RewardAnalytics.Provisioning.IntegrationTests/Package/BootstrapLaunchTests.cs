using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RewardAnalytics.LambdaHost;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Provisioning.IntegrationTests.Package;

/// <summary>
/// The published functions started the way Lambda's managed runtime starts them (bootstrap.sh's <c>dotnet exec
/// --depsfile --runtimeconfig</c>, see <see cref="BootstrapLaunch"/>), with the test host binding the handler strings
/// of <see cref="LambdaHandlers"/> as RuntimeSupport's loader does, against dynalite and s3rver. The package is
/// published once per run for this machine (framework-dependent, ReadyToRun, like the real one but not for arm64,
/// which this machine cannot run). What this cannot show: the real RuntimeSupport also needs Amazon.Lambda.Core in the
/// deps.json, and CI's package (this one) does not list it, because only the publish <c>pulumi up</c> runs can
/// restore it (see <see cref="LambdaRuntimeReferenceTests"/>).
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class BootstrapLaunchTests(LocalAwsFixture aws, ITestOutputHelper output)
{
    internal static string TumblingWindowEvent => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tumbling-window-event.json");

    [Fact]
    public async Task The_aggregator_started_as_bootstrap_sh_starts_it_applies_the_fixture_event_and_returns_its_tumbling_window_response()
    {
        var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.StreamAggregator, TumblingWindowEvent, Environment());

        Assert.True(run.ExitCode == LambdaHostExit.Success, run.ToString());
        Assert.Equal("""{"state":{},"batchItemFailures":[]}""", response);
        AssertEveryEmfLineIsRootLevel(run);
        Assert.Contains("deps_json_lists_Amazon.Lambda.Core=no", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_totals_API_started_as_bootstrap_sh_starts_it_answers_a_function_URL_event_with_the_days_running_totals()
    {
        var events = Directory.CreateTempSubdirectory("lambda-events-").FullName;
        var request = Path.Combine(events, "function-url-event.json");
        var node = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "function-url-request-event.json")))!;
        node["rawPath"] = "/days/2023-11-15";
        node["requestContext"]!["http"]!["path"] = "/days/2023-11-15";
        await File.WriteAllTextAsync(request, node.ToJsonString());
        try
        {
            var aggregated = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.StreamAggregator, TumblingWindowEvent, Environment());
            Assert.True(aggregated.Run.ExitCode == LambdaHostExit.Success, aggregated.Run.ToString());

            var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.TotalsApi, request, Environment());

            Assert.True(run.ExitCode == LambdaHostExit.Success, run.ToString());
            using var answer = JsonDocument.Parse(response!);
            Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
            using var body = JsonDocument.Parse(answer.RootElement.GetProperty("body").GetString()!);
            Assert.Equal(("2023-11-15", "1500.0", "750.0"), (
                body.RootElement.GetProperty("date").GetString(),
                body.RootElement.GetProperty("total_issued").GetRawText(),
                body.RootElement.GetProperty("total_redeemed").GetRawText()));
        }
        finally
        {
            Directory.Delete(events, recursive: true);
        }
    }

    [Fact]
    public async Task The_finalizer_started_as_bootstrap_sh_starts_it_finalizes_the_day_and_its_metrics_are_root_level_EMF_under_the_JSON_log_format()
    {
        // CloudWatch takes no metric older than 14 days, so the finalizer emits EMF only for a recent day: the fixture
        // event moved to yesterday.
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var events = Directory.CreateTempSubdirectory("lambda-events-").FullName;
        var recordsOfTheDay = Path.Combine(events, "stream-event.json");
        var request = Path.Combine(events, "finalize.json");
        await File.WriteAllTextAsync(recordsOfTheDay, FixtureEventMovedTo(day));
        await File.WriteAllTextAsync(request, $$"""{"date":"{{date}}"}""");

        try
        {
            var aggregated = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.StreamAggregator, recordsOfTheDay, Environment());
            Assert.True(aggregated.Run.ExitCode == LambdaHostExit.Success, aggregated.Run.ToString());

            var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.DailyFinalizer, request, Environment(logFormat: "JSON"));

            output.WriteLine(run.ToString());
            Assert.True(run.ExitCode == LambdaHostExit.Success, run.ToString());
            using var summary = JsonDocument.Parse(response!);
            Assert.Equal(date, summary.RootElement.GetProperty("target").GetString());
            var emf = AssertEveryEmfLineIsRootLevel(run);
            var metrics = Assert.Single(emf, e => e.Metrics.ContainsKey("TotalIssuedRewards") && e.Strings.GetValueOrDefault("date") == date);
            Assert.Equal("LoyaltyPlatform/Rewards", metrics.Namespace);
            Assert.Equal(1500m, metrics.Value("TotalIssuedRewards"));
            Assert.Equal(750m, metrics.Value("TotalRedeemedRewards"));
            Assert.Equal(750m, metrics.Value("NetRewards"));
            using var s3 = aws.World.CreateS3();
            using var report = await s3.GetObjectAsync(aws.World.Options.Bucket, $"daily-rewards/{date}.json");
            using var body = new StreamReader(report.ResponseStream);
            Assert.Contains("\"total_issued\": 1500.0", await body.ReadToEndAsync(), StringComparison.Ordinal);
            Figures.Print(output, $"bootstrap_launch finalizer emf_lines={emf.Count} root_level={emf.Count} log_format=JSON package={FunctionPublish.MachineRuntimeIdentifier}");
        }
        finally
        {
            Directory.Delete(events, recursive: true);
        }
    }

    [Theory]
    [InlineData("RewardAnalytics.Functions::RewardAnalytics.Functions.StreamAggregator::Handle", "has no public method 'Handle'")]
    [InlineData("RewardAnalytics.Functions::RewardAnalytics.Functions.Aggregator::HandleAsync", "type 'RewardAnalytics.Functions.Aggregator' was not found")]
    [InlineData("RewardAnalytics.Function::RewardAnalytics.Functions.StreamAggregator::HandleAsync", "assembly 'RewardAnalytics.Function' could not be loaded")]
    [InlineData("RewardAnalytics.Functions::RewardAnalytics.Functions.StreamAggregator.HandleAsync", "is not a handler of the form Assembly::Namespace.Type::Method")]
    [InlineData("System.Private.CoreLib::System.IO.MemoryStream::Write", "the runtime refuses a handler name with overloads")]
    [InlineData("RewardAnalytics.Functions::RewardAnalytics.Functions.StreamAggregator::AggregateAsync", "this host calls only Task<Stream> AggregateAsync(Stream)")]
    public async Task A_wrong_handler_string_fails_the_cold_start_with_the_reason(string handler, string reason)
    {
        var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, handler, TumblingWindowEvent, Environment());

        Assert.True(run.ExitCode == LambdaHostExit.HandlerNotBound, run.ToString());
        Assert.Contains(reason, run.StandardError, StringComparison.Ordinal);
        Assert.Null(response);
    }

    /// <summary>
    /// What Lambda shows for a bad setting (the shape RuntimeSupport gives it, checked by ../shared/tools/lambda-check):
    /// the init error is TargetInvocationException with the SettingsException under <c>cause</c>, so the function's log
    /// must say it first: its first line is the function's Error entry naming every bad variable, before the runtime's
    /// own entry of the exception.
    /// </summary>
    [Fact]
    public async Task A_bad_setting_fails_init_as_Lambda_records_it_and_the_first_log_line_names_every_bad_variable()
    {
        var environment = Environment();
        environment["ANALYTICS_BUCKET"] = "Bad_Bucket";
        environment["REPORT_TIME_ZONE"] = "Mars/Phobos";

        var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.DailyFinalizer, TumblingWindowEvent, environment);

        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == LambdaHostExit.InitFailed, run.ToString());
        Assert.Null(response);
        var initError = run.StandardError.Split('\n').Single(l => l.StartsWith("lambda-host: init error: ", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(initError["lambda-host: init error: ".Length..]);
        var cause = body.RootElement.GetProperty("cause");
        Assert.Equal(
            ("TargetInvocationException", "Exception has been thrown by the target of an invocation.", "SettingsException"),
            (body.RootElement.GetProperty("errorType").GetString(), body.RootElement.GetProperty("errorMessage").GetString(), cause.GetProperty("errorType").GetString()));

        var logLines = run.StandardError.Split('\n').Concat(run.StandardOutput.Split('\n')).Where(l => l.StartsWith('{')).ToList();
        using var first = JsonDocument.Parse(run.StandardError.Split('\n').First(l => l.StartsWith('{')));
        Assert.Equal("Error", first.RootElement.GetProperty("level").GetString());
        Assert.Equal($"DailyFinalizer cannot start: {cause.GetProperty("errorMessage").GetString()}", first.RootElement.GetProperty("message").GetString());
        Assert.Contains("ANALYTICS_BUCKET is 'Bad_Bucket'", first.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("REPORT_TIME_ZONE is 'Mars/Phobos'", first.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var runtimeEntry = JsonDocument.Parse(Assert.Single(run.StandardOutput.Split('\n'), l => l.Contains("\"errorType\"", StringComparison.Ordinal)));
        Assert.Equal(("Error", "System.Reflection.TargetInvocationException"),
            (runtimeEntry.RootElement.GetProperty("level").GetString(), runtimeEntry.RootElement.GetProperty("errorType").GetString()));
        Assert.Equal(2, logLines.Count);
    }

    [Fact]
    public async Task A_package_whose_deps_json_omits_a_dependency_fails_at_init_although_the_file_is_in_the_package()
    {
        var package = CopyPackage();
        try
        {
            var removed = RemoveFromDepsJson(BootstrapLaunch.DepsFile(package), "AWSSDK.Core");
            Assert.True(File.Exists(Path.Combine(package, "AWSSDK.Core.dll")), "the assembly stays in the folder: only the deps.json lost it");

            var (run, response) = await BootstrapLaunch.RunAsync(package, LambdaHandlers.StreamAggregator, TumblingWindowEvent, Environment());

            Assert.True(run.ExitCode == LambdaHostExit.InitFailed, run.ToString());
            Assert.Contains("FileNotFoundException: Could not load file or assembly 'AWSSDK.Core", run.StandardError, StringComparison.Ordinal);
            Assert.Null(response);
            output.WriteLine($"removed {removed} from the deps.json; the launch failed as RuntimeSupport's would without Amazon.Lambda.Core:");
            output.WriteLine(run.StandardError);
        }
        finally
        {
            Directory.Delete(package, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_launch_that_ignores_the_function_runtimeconfig_fails_with_the_setting_it_lacks(bool withTheHostsOwnRuntimeConfig)
    {
        var runtimeConfig = withTheHostsOwnRuntimeConfig ? BootstrapLaunch.HostRuntimeConfig : string.Empty;

        var (run, response) = await BootstrapLaunch.RunAsync(FunctionPublish.MachinePackage, LambdaHandlers.StreamAggregator, TumblingWindowEvent, Environment(), runtimeConfig);

        Assert.True(run.ExitCode == LambdaHostExit.RuntimeConfigNotApplied, run.ToString());
        Assert.Contains("System.Globalization.Invariant is true in RewardAnalytics.Functions.runtimeconfig.json but false in this process", run.StandardError, StringComparison.Ordinal);
        Assert.Null(response);
    }

    [Fact]
    public void The_package_CI_builds_does_not_list_Amazon_Lambda_Core_so_only_the_pulumi_up_package_can_start_in_Lambda()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(BootstrapLaunch.DepsFile(FunctionPublish.MachinePackage)));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();

        // The real RuntimeSupport would fail to load Amazon.Lambda.Core from this package; the host launches it anyway,
        // and reports the finding. The deployment publish adds it (LambdaRuntimeReferenceTests), which cannot be
        // restored here.
        Assert.Contains(libraries, l => l.StartsWith("AWSSDK.Core/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith("Amazon.Lambda.Core/", StringComparison.Ordinal));
        Figures.Print(output, "bootstrap_launch ci_package_deps_json_lists_Amazon.Lambda.Core=no (the managed runtime needs it: only the publish pulumi up runs adds it)");
    }

    private Dictionary<string, string?> Environment(string logFormat = "JSON") => LaunchEnvironment(aws, logFormat);

    /// <summary>The local world's variables as the function's configuration, the log format as Lambda sets it.</summary>
    internal static Dictionary<string, string?> LaunchEnvironment(LocalAwsFixture aws, string logFormat = "JSON")
    {
        var environment = aws.World.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        environment["AWS_LAMBDA_LOG_FORMAT"] = logFormat;
        environment["AWS_PROFILE"] = null;
        return environment;
    }

    /// <summary>Every stdout line that mentions <c>_aws</c> is an EMF document at the root (not wrapped in a log entry).</summary>
    private static List<EmfLine> AssertEveryEmfLineIsRootLevel(ProcessRun run)
    {
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("_aws", StringComparison.Ordinal))
            .ToList();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.True(document.RootElement.TryGetProperty("_aws", out _), $"an EMF document is not the root object of its log line, so CloudWatch would extract no metric: {line}");
        }

        return lines.Select(EmfLine.Parse).ToList();
    }

    /// <summary>The tumbling-window fixture with its rewards' day (2023-11-15, as text and as epoch seconds) moved to <paramref name="day"/>.</summary>
    private static string FixtureEventMovedTo(DateOnly day)
    {
        var fixtureDay = new DateOnly(2023, 11, 15);
        var shift = TimeSpan.FromDays(day.DayNumber - fixtureDay.DayNumber);
        var text = File.ReadAllText(TumblingWindowEvent);
        Assert.Contains("\"createdAt\": { \"N\": \"1700040060\" }", text, StringComparison.Ordinal);
        return text
            .Replace("2023-11-15T", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T", StringComparison.Ordinal)
            .Replace("\"1700040060\"", $"\"{1700040060 + (long)shift.TotalSeconds}\"", StringComparison.Ordinal);
    }

    private static string CopyPackage()
    {
        var copy = Directory.CreateTempSubdirectory("lambda-package-").FullName;
        foreach (var file in Directory.EnumerateFiles(FunctionPublish.MachinePackage))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    /// <summary>Removes a package from a deps.json (its library, its target entry and every dependency on it); returns its key.</summary>
    private static string RemoveFromDepsJson(string depsFile, string package)
    {
        var deps = JsonNode.Parse(File.ReadAllText(depsFile))!.AsObject();
        var libraries = deps["libraries"]!.AsObject();
        var key = Assert.Single(libraries, l => l.Key.StartsWith(package + "/", StringComparison.Ordinal)).Key;
        libraries.Remove(key);
        foreach (var target in deps["targets"]!.AsObject().Select(t => t.Value!.AsObject()))
        {
            target.Remove(key);
            foreach (var entry in target.Select(e => e.Value!.AsObject()))
            {
                (entry["dependencies"] as JsonObject)?.Remove(package);
            }
        }

        File.WriteAllText(depsFile, deps.ToJsonString());
        return key;
    }
}
