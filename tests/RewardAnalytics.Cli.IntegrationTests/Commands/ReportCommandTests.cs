using RewardAnalytics.TestSupport;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>report</c> against the local emulators (a report it prints after a finalize: see <see cref="FinalizeCommandTests"/>).</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class ReportCommandTests(LocalAwsFixture fixture) : FinalizerScenario(fixture)
{
    [Fact]
    public async Task Report_of_a_day_never_finalized_fails_and_says_so()
    {
        var result = await RunAsync("report", "--date", "2023-11-14");

        Assert.Equal(1, result.Code);
        Assert.Contains("the day has not been finalized", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_from_a_bucket_that_does_not_exist_says_the_bucket_does_not_exist()
    {
        _environment["ANALYTICS_BUCKET"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..12];

        var result = await RunAsync("report", "--date", Day);

        Assert.Equal(
            (1, $"error: ANALYTICS_BUCKET is '{_environment["ANALYTICS_BUCKET"]}': the bucket does not exist (expected the bucket the finalizer writes the reports to)\n"),
            (result.Code, result.Error));
    }
}
