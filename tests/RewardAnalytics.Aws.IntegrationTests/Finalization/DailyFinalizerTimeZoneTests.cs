using System.Globalization;
using System.Text;
using System.Text.Json;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Settings;
using RewardAnalytics.Functions;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.TestSupport.RewardRecords;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>
/// Days in the report time zone, end to end: records through the real aggregator, then the finalizer's real entry
/// point with no date (yesterday by the clock), including New York's 23-hour and 25-hour days.
/// </summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DailyFinalizerTimeZoneTests(LocalAwsFixture fixture)
{
    public static TheoryData<string, string, string, string[], string[], string> Days => new()
    {
        // zone, now (00:05 local the next day), finalized day, instants inside the day, instants just outside, noon
        {
            "America/New_York", "2024-03-11T04:05:00Z", "2024-03-10",
            ["2024-03-10T05:00:00Z", "2024-03-11T03:59:59Z"], ["2024-03-10T04:59:59Z", "2024-03-11T04:00:00Z"],
            "2024-03-10T16:00:00Z" // a 23-hour day: 00:00 EST to 00:00 EDT; noon is EDT
        },
        {
            "America/New_York", "2024-11-04T05:05:00Z", "2024-11-03",
            ["2024-11-03T04:00:00Z", "2024-11-04T04:59:59Z"], ["2024-11-03T03:59:59Z", "2024-11-04T05:00:00Z"],
            "2024-11-03T17:00:00Z" // a 25-hour day: 00:00 EDT to 00:00 EST; noon is EST
        },
        {
            "Asia/Kolkata", "2023-11-15T18:35:00Z", "2023-11-15",
            ["2023-11-14T18:30:00Z", "2023-11-15T18:29:59Z"], ["2023-11-14T18:29:59Z", "2023-11-15T18:30:00Z"],
            "2023-11-15T06:30:00Z" // UTC+05:30: at this instant it is still the 15th in UTC, the 16th in Kolkata
        },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Yesterday_in_the_report_zone_is_finalized_with_exactly_its_rewards_and_a_noon_timestamp(
        string zone, string now, string day, string[] inside, string[] outside, string noon)
    {
        using var bed = new FinalizerTestBed(fixture.World, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), zone);
        var aggregation = new StreamAggregation(
            new AggregatorSettings { AggregatesTable = bed.Settings.AggregatesTable, ReportTimeZone = bed.Settings.ReportTimeZone },
            new DynamoAggregatesWriter(bed.Dynamo, bed.Settings.AggregatesTable, bed.Clock), bed.Clock, TextWriter.Null);
        var records = inside.Select((at, i) => Insert(i + 1, Item($"in{i}", "ISSUED", "10.5", at)))
            .Concat(outside.Select((at, i) => Insert(i + 10, Item($"out{i}", "REDEEMED", "1", at))))
            .ToArray();
        await aggregation.HandleAsync(Event(ShardA, records), default);

        var function = new DailyFinalizer(DailyFinalizer.Compose(EnvironmentReader.From(bed.Environment), bed.Clock, new FunctionOutput(bed.Log, bed.Log), MetricsDelivery.LambdaLogStream));
        using var response = await function.HandleAsync(new MemoryStream("{}"u8.ToArray()));
        using var summary = await JsonDocument.ParseAsync(response);

        Assert.Equal(day, summary.RootElement.GetProperty("target").GetString());
        var finalized = Assert.Single(summary.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal("created", finalized.GetProperty("action").GetString());
        var report = Encoding.UTF8.GetString((await bed.ReportBytesAsync(NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value))!);
        Assert.Contains("\"total_issued\": 21.0,", report, StringComparison.Ordinal);
        Assert.Contains("\"issued_count\": 2,", report, StringComparison.Ordinal);
        Assert.Contains("\"redeemed_count\": 0\n", report, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse(noon, CultureInfo.InvariantCulture), Assert.Single(bed.EmfLines).Time);
    }
}
