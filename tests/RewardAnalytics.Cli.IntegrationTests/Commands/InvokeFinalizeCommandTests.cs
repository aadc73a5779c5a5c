using System.Text.Json;
using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>invoke finalize</c>: the finalizer's real entry point on an event file, against the local emulators.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class InvokeFinalizeCommandTests(LocalAwsFixture fixture) : FinalizerScenario(fixture)
{
    [Fact]
    public async Task Invoke_finalize_runs_the_entry_point_on_an_event_file_and_prints_its_summary()
    {
        await PutRewardsAsync(streamed: true, SeedExample());
        var eventFile = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, "{\"date\":\"" + Day + "\"}");
        var badFile = Path.Combine(Path.GetTempPath(), $"finalize-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(badFile, "{\"date\":\"2023-11-31\"}");
        try
        {
            var run = await RunAsync("invoke", "finalize", "--event", eventFile);

            Assert.Equal(0, run.Code);
            using var summary = JsonDocument.Parse(run.Output);
            var day = Assert.Single(summary.RootElement.GetProperty("days").EnumerateArray());
            Assert.Equal(("created", 1, 1500m), (day.GetProperty("action").GetString(), day.GetProperty("revision").GetInt32(), day.GetProperty("total_issued").GetDecimal()));

            var bad = await RunAsync("invoke", "finalize", "--event", badFile);
            Assert.Equal(2, bad.Code);
            Assert.StartsWith("error: --event '" + Path.GetFileName(badFile) + "' \"date\" is \"2023-11-31\": expected a calendar date", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(eventFile);
            File.Delete(badFile);
        }
    }
}
