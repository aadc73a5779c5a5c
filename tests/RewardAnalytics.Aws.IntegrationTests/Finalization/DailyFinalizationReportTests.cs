using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>The report object as s3rver stores it through the real SDK: byte for byte, with its headers and metadata.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DailyFinalizationReportTests : IDisposable
{
    private static readonly LocalDate Day = new(2023, 11, 15);
    private readonly FinalizerTestBed _bed;

    public DailyFinalizationReportTests(LocalAwsFixture fixture) =>
        _bed = new FinalizerTestBed(fixture.World, new DateTimeOffset(2023, 11, 16, 0, 5, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_seed_example_is_stored_byte_for_byte_as_the_design_shows()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, new DailyTotals(1000m, 500m, 10, 5));
        await _bed.SeedShardAsync(Day, RewardRecords.ShardB, new DailyTotals(500m, 250m, 5, 3));

        await _bed.Finalization().RunAsync(Day, default);

        const string expected = "{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": 1500.0,\n  \"total_redeemed\": 750.0,\n" +
                                "  \"net_rewards\": 750.0,\n  \"issued_count\": 15,\n  \"redeemed_count\": 8\n}";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), await _bed.ReportBytesAsync(Day));
    }

    [Theory]
    [InlineData("0", "0", 0, 0, "0.0", "0.0", "0.0")]
    [InlineData("0.3", "0", 3, 0, "0.3", "0.0", "0.3")]
    [InlineData("12345678901234567890.12", "0.01", 2, 1, "12345678901234567890.12", "0.01", "12345678901234567890.11")]
    [InlineData("10.5", "100.25", 1, 4, "10.5", "100.25", "-89.75")]
    public async Task Awkward_numbers_are_stored_exactly(string issued, string redeemed, long issuedCount, long redeemedCount,
        string issuedText, string redeemedText, string netText)
    {
        var totals = new DailyTotals(decimal.Parse(issued, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(redeemed, System.Globalization.CultureInfo.InvariantCulture), issuedCount, redeemedCount);
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, totals);

        await _bed.Finalization().RunAsync(Day, default);

        var expected = $"{{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": {issuedText},\n  \"total_redeemed\": {redeemedText},\n" +
                       $"  \"net_rewards\": {netText},\n  \"issued_count\": {issuedCount},\n  \"redeemed_count\": {redeemedCount}\n}}";
        Assert.Equal(expected, Encoding.UTF8.GetString((await _bed.ReportBytesAsync(Day))!));
    }

    [Fact]
    public async Task Three_tenths_added_one_by_one_through_the_table_are_reported_as_zero_point_three()
    {
        // 0.1 × 3 kept as three shard items: the sum is exact decimal arithmetic, never 0.30000000000000004.
        await _bed.SeedShardAsync(Day, "s1", new DailyTotals(0.1m, 0m, 1, 0));
        await _bed.SeedShardAsync(Day, "s2", new DailyTotals(0.1m, 0m, 1, 0));
        await _bed.SeedShardAsync(Day, "s3", new DailyTotals(0.1m, 0m, 1, 0));

        await _bed.Finalization().RunAsync(Day, default);

        Assert.Contains("\"total_issued\": 0.3,", Encoding.UTF8.GetString((await _bed.ReportBytesAsync(Day))!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_has_the_json_content_type_revision_metadata_and_requested_encryption()
    {
        await _bed.SeedShardAsync(Day, RewardRecords.ShardA, new DailyTotals(1m, 0m, 1, 0));

        await _bed.Finalization().RunAsync(Day, default);

        var stored = await _bed.Reports.GetAsync(Day, default);
        Assert.NotNull(stored);
        Assert.Equal($"{_bed.Settings.ReportPrefix}2023-11-15.json", stored.Key);
        Assert.Equal("application/json", stored.ContentType);
        Assert.Equal("1", stored.MetadataValue("revision"));
        Assert.Equal("2023-11-16T00:05:00Z", stored.MetadataValue("finalized-at"));
        Assert.Equal("stream-aggregates", stored.MetadataValue("source"));
    }

    [Fact]
    public async Task The_put_requests_server_side_encryption_and_sends_a_plain_body()
    {
        // s3rver accepts but does not echo x-amz-server-side-encryption, so the request itself is checked on the wire.
        var wire = new RecordingHttpClientFactory();
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(LocalAwsWorld.AccessKey, LocalAwsWorld.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = _bed.World.S3Endpoint,
                AuthenticationRegion = LocalAwsWorld.Region,
                ForcePathStyle = true,
                HttpClientFactory = wire,
            });
        var store = new S3ReportStore(s3, _bed.Settings.AnalyticsBucket, _bed.Settings.ReportPrefix);
        var report = new PublishedReport(new DailyReport(Day, new DailyTotals(1500m, 750m, 15, 8)), 1, Instant.FromUtc(2023, 11, 16, 0, 5));

        await store.PutAsync(report, default);

        var put = Assert.Single(wire.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal($"/{_bed.Settings.AnalyticsBucket}/{_bed.Settings.ReportPrefix}2023-11-15.json", put.Path);
        Assert.Equal("AES256", put.Headers["x-amz-server-side-encryption"]);
        Assert.Equal("application/json", put.Headers["content-type"]);
        Assert.Equal("1", put.Headers["x-amz-meta-revision"]);
        Assert.DoesNotContain("aws-chunked", put.Headers.GetValueOrDefault("content-encoding") ?? "", StringComparison.Ordinal);
        Assert.Equal(report.Report.ToUtf8(), await _bed.ReportBytesAsync(Day));
    }

    public void Dispose() => _bed.Dispose();
}
