using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Functions.Tests;

/// <summary>The check the Lambda-called constructors make first: one line naming every bad variable, then the init fails.</summary>
public sealed class ColdStartTests
{
    [Fact]
    public void Bad_settings_are_named_in_one_line_on_the_error_writer_and_the_init_still_fails()
    {
        using var error = new StringWriter { NewLine = "\n" };
        var environment = EnvironmentReader.From(new Dictionary<string, string>
        {
            ["AGGREGATES_TABLE"] = "t",
            ["REPORT_TIME_ZONE"] = "Mars/Phobos",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "localhost:8000",
        });

        var thrown = Assert.Throws<SettingsException>(() => ColdStart.Checked(nameof(StreamAggregator), environment, AggregatorSettings.FromEnvironment, error));

        Assert.Equal($"StreamAggregator cannot start: {thrown.Message}\n", error.ToString());
        Assert.Equal(
            "Invalid settings: AWS_ENDPOINT_URL_DYNAMODB is 'localhost:8000': expected a URL such as http://localhost:8000; " +
            "REPORT_TIME_ZONE is 'Mars/Phobos': expected an IANA time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'",
            thrown.Message);
    }

    [Fact]
    public void Good_settings_pass_with_nothing_written()
    {
        using var error = new StringWriter();
        var environment = EnvironmentReader.From(new Dictionary<string, string> { ["AGGREGATES_TABLE"] = "t" });

        Assert.Same(environment, ColdStart.Checked(nameof(StreamAggregator), environment, AggregatorSettings.FromEnvironment, error));
        Assert.Equal(string.Empty, error.ToString());
    }
}
