using Amazon.DynamoDBv2;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws.Tests.Operations;

/// <summary>The recovery workflow's rules that hold before any request: what "today" is comes from the injected clock.</summary>
public sealed class RewardsReconciliationTests
{
    [Fact]
    public async Task A_fix_reaching_today_in_the_report_time_zone_is_refused_before_any_request()
    {
        // 2023-11-15T20:00Z is already 2023-11-16 in Kolkata.
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 20, 0, 0, TimeSpan.Zero));
        var settings = new RepairSettings
        {
            RewardsTable = "rewards",
            Aggregator = new AggregatorSettings { AggregatesTable = "aggregates", ReportTimeZone = DateTimeZoneProviders.Tzdb["Asia/Kolkata"] },
        };
        using var dynamo = new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("k", "s"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9" });
        var reconciliation = new RewardsReconciliation(dynamo, settings, clock);

        var error = await Assert.ThrowsAsync<ReconciliationRequestException>(() =>
            reconciliation.RunAsync(new DateInterval(new LocalDate(2023, 11, 14), new LocalDate(2023, 11, 16)), 4, fix: true, CancellationToken.None));

        Assert.Equal(
            "a correction of 2023-11-16 is refused: today in Asia/Kolkata is 2023-11-16, and a day that has not ended is still being written by the stream; " +
            "correct days up to 2023-11-15",
            error.Message);
        Assert.Equal((new LocalDate(2023, 11, 16), new LocalDate(2023, 11, 16), "Asia/Kolkata"), (error.LastDay, error.Today, error.Zone?.Id));
    }
}
