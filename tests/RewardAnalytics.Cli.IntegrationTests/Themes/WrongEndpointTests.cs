using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Themes;

/// <summary>What a new user's second hour broke (issue 21), against the local world's emulators: an endpoint variable that names the other service.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class WrongEndpointTests(LocalAwsFixture fixture) : IDisposable
{
    private readonly CommandWorld _commands = new(fixture.World);

    private Task<CliRun> RunAsync(string variable, string value, params string[] args)
    {
        var environment = new Dictionary<string, string>(_commands.Environment) { [variable] = value };
        return CliRun.RunAsync(name => environment.TryGetValue(name, out var v) ? v : null, args);
    }

    [Fact]
    public async Task Totals_with_the_DynamoDB_endpoint_pointing_at_S3_says_which_variable_to_check_in_one_line()
    {
        var s3 = fixture.World.Get("AWS_ENDPOINT_URL_S3")!;

        var run = await RunAsync("AWS_ENDPOINT_URL_DYNAMODB", s3, "totals", "--date", "2025-03-03");

        Assert.Equal(
            (1, $"error: AWS request failed: DynamoDB answered HTTP 404 in a form DynamoDB does not use: is AWS_ENDPOINT_URL_DYNAMODB '{s3}' the DynamoDB endpoint?\n"),
            (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Report_with_the_S3_endpoint_pointing_at_DynamoDB_prints_no_report_and_exits_1()
    {
        var dynamo = fixture.World.Get("AWS_ENDPOINT_URL_DYNAMODB")!;

        var run = await RunAsync("AWS_ENDPOINT_URL_S3", dynamo, "report", "--date", "2025-03-03");

        Assert.Equal((1, ""), (run.ExitCode, run.Output));
        Assert.Equal(
            $"error: s3://{_commands.Environment["ANALYTICS_BUCKET"]}/{_commands.Environment["REPORT_PREFIX"]}2025-03-03.json holds no daily report: expected a JSON object, " +
            $"got a body that begins 'healthy: dynamodb.us-east-1.amazonaws.com'; is AWS_ENDPOINT_URL_S3 '{dynamo}' the S3 endpoint?\n",
            run.Error);
    }

    [Fact]
    public async Task Finalize_with_the_S3_endpoint_pointing_at_DynamoDB_names_the_variable_once_for_every_day()
    {
        var dynamo = fixture.World.Get("AWS_ENDPOINT_URL_DYNAMODB")!;
        _commands.Environment["RECHECK_DAYS"] = "2";
        // The service's data starts before these days, so each is reported (a zero report), not skipped as "no data".
        await new Aws.Aggregates.DynamoFinalizationTable(_commands.Dynamo, _commands.Environment["AGGREGATES_TABLE"], NodaTime.DateTimeZone.Utc, TimeProvider.System)
            .RecordFirstDayAsync(new NodaTime.LocalDate(2025, 2, 28), default);

        var run = await RunAsync("AWS_ENDPOINT_URL_S3", dynamo, "finalize", "--date", "2025-03-03");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"error: not finalized: 2025-03-01, 2025-03-02, 2025-03-03 (S3 answered HTTP 404 in a form S3 does not use: is AWS_ENDPOINT_URL_S3 '{dynamo}' the S3 endpoint?)",
            run.ErrorLines[^1]);
    }

    public void Dispose() => _commands.Dispose();
}
