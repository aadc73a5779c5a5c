using System.Text.Json;
using RewardAnalytics.TestSupport;
using static RewardAnalytics.Cli.Tests.CliRun;

namespace RewardAnalytics.Cli.IntegrationTests.Commands;

/// <summary><c>invoke totals-api</c>: the totals API's real entry point on a function URL event, against the local emulators.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class InvokeTotalsApiCommandTests(LocalAwsFixture fixture) : AggregatesTableScenario(fixture)
{
    [Fact]
    public async Task Invoke_totals_api_runs_the_real_entry_point_on_the_documented_function_URL_event()
    {
        var run = await RunAsync(Environment, "invoke", "totals-api", "--event", Fixture("function-url-request-event.json"));

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        using var response = JsonDocument.Parse(run.Output);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        using var body = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        Assert.Equal("2025-03-03", body.RootElement.GetProperty("date").GetString());
        Assert.Equal("0.0", body.RootElement.GetProperty("total_issued").GetRawText());
    }

    [Fact]
    public async Task Invoke_totals_api_on_a_stream_event_is_exit_2_saying_what_event_it_expected()
    {
        var run = await RunAsync(Environment, "invoke", "totals-api", "--event", Fixture("tumbling-window-event.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: --event 'tumbling-window-event.json' has neither widgetContext nor rawPath and requestContext.http.method: " +
            "expected a Lambda function URL event (payload format 2.0: rawPath, requestContext.http.method) or a CloudWatch custom widget event (widgetContext)\n",
            run.Error);
    }
}
