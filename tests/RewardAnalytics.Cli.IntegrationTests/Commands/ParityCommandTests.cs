using System.Text.Json;
using RewardAnalytics.Aws;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>parity</c> of the old job's reports against the new ones.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class ParityCommandTests(LocalAwsFixture fixture, ITestOutputHelper output) : CutoverScenario(fixture, output)
{
    [Fact]
    public async Task Parity_reports_days_missing_on_either_side_with_json()
    {
        await PutOldReportAsync("2023-11-11",
            "{\n  \"date\": \"2023-11-11\",\n  \"total_issued\": 0.0,\n  \"total_redeemed\": 0.0,\n  \"net_rewards\": 0.0,\n  \"issued_count\": 0,\n  \"redeemed_count\": 0\n}");
        Assert.Equal(0, (await RunAsync("backfill", "--from", "2023-11-12", "--to", "2023-11-12")).ExitCode);

        var parity = await RunAsync("parity", "--from", "2023-11-11", "--to", "2023-11-13", "--baseline-prefix", _oldPrefix, "--json");

        Assert.Equal(1, parity.ExitCode);
        using var json = JsonDocument.Parse(parity.Output);
        Assert.False(json.RootElement.GetProperty("matches").GetBoolean());
        Assert.Equal(
            ["2023-11-11 missing-candidate", "2023-11-12 missing-baseline", "2023-11-13 missing-both"],
            json.RootElement.GetProperty("days").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()} {d.GetProperty("result").GetString()}"));
    }
}
