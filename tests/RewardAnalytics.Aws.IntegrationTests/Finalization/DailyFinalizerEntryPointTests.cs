using System.Text;
using System.Text.Json;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>The Lambda entry point (<c>Stream</c> in and out) on the emulators, as the managed runtime calls it.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DailyFinalizerEntryPointTests : IDisposable
{
    private readonly FinalizerTestBed _bed;

    public DailyFinalizerEntryPointTests(LocalAwsFixture fixture) =>
        _bed = new FinalizerTestBed(fixture.World, new DateTimeOffset(2023, 11, 20, 9, 0, 0, TimeSpan.Zero), recheckDays: 1);

    private DailyFinalizer Function() => new(DailyFinalizer.Compose(EnvironmentReader.From(_bed.Environment), _bed.Clock, new FunctionOutput(_bed.Log, _bed.Log), MetricsDelivery.LambdaLogStream));

    private async Task<string> InvokeAsync(string payload)
    {
        using var response = await Function().HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        using var reader = new StreamReader(response);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task A_date_payload_finalizes_that_day_and_responds_with_a_summary_per_day()
    {
        await _bed.SeedShardAsync(new(2023, 11, 15), RewardRecords.ShardA, new DailyTotals(1500m, 750m, 15, 8));

        var response = await InvokeAsync("""{"date":"2023-11-15"}""");

        Assert.Equal(
            """{"target":"2023-11-15","days":[""" +
            """{"date":"2023-11-15","action":"created","revision":1,"metrics":"published","total_issued":1500.0,"total_redeemed":750.0,"net_rewards":750.0,"issued_count":15,"redeemed_count":8},""" +
            """{"date":"2023-11-14","action":"no-data"}]}""",
            response);
        Assert.Contains("\"action\":\"unchanged\"", await InvokeAsync("""{"date":"2023-11-15"}"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"date":"2023-11-20"}""", "2023-11-20 is today in UTC (today is 2023-11-20): only a day that has ended can be finalized")]
    [InlineData("""{"date":"2023-12-01"}""", "2023-12-01 is in the future in UTC (today is 2023-11-20): only a day that has ended can be finalized")]
    [InlineData("""{"date":"2023-02-30"}""", "\"date\" is \"2023-02-30\": expected a calendar date as \"YYYY-MM-DD\", e.g. \"2023-11-15\"")]
    public async Task A_day_that_has_not_ended_or_is_no_date_is_refused_with_a_clear_error_and_nothing_is_written(string payload, string message)
    {
        var error = await Assert.ThrowsAsync<FinalizationRequestException>(() => InvokeAsync(payload));

        Assert.Equal(message, error.Message);
        Assert.Empty(_bed.EmfLines);
        Assert.Null((await _bed.Table.ReadDayAsync(new(2023, 11, 20), default)).Final);
    }

    [Fact]
    public async Task The_scheduler_payload_finalizes_yesterday()
    {
        var response = await InvokeAsync("""{"source":"aws.scheduler"}""");

        using var summary = JsonDocument.Parse(response);
        Assert.Equal("2023-11-19", summary.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void Bad_settings_stop_the_cold_start_with_one_message_naming_each_variable()
    {
        var env = new Dictionary<string, string> { ["RECHECK_DAYS"] = "40", ["REPORT_TIME_ZONE"] = "Mars/Olympus", ["REPORT_PREFIX"] = "/reports" };

        var error = Assert.Throws<SettingsException>(() => DailyFinalizer.Compose(EnvironmentReader.From(env), _bed.Clock, new FunctionOutput(_bed.Log, _bed.Log), MetricsDelivery.LambdaLogStream));

        Assert.Equal(
            "Invalid settings: ANALYTICS_BUCKET is not set: expected the name of the S3 bucket the daily reports are written to; " +
            "REPORT_PREFIX is '/reports': expected a key prefix ending in '/' and not starting with '/', such as 'daily-rewards/'; " +
            "AGGREGATES_TABLE is not set: expected the name of the DynamoDB aggregates table; " +
            "REPORT_TIME_ZONE is 'Mars/Olympus': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'; " +
            "RECHECK_DAYS is '40': expected a whole number from 0 to 31",
            error.Message);
    }

    public void Dispose() => _bed.Dispose();
}
