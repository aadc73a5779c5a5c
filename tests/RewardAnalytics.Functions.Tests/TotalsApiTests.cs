using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Tests.Days;
using RewardAnalytics.Functions.Api;
using static RewardAnalytics.Functions.Tests.FunctionEvents;
using static RewardAnalytics.Functions.Tests.FunctionUrlEvents;

namespace RewardAnalytics.Functions.Tests;

/// <summary>
/// The totals API's entry point on function URL events shaped like AWS's documented payload, and on a custom widget's
/// event: reading the payload, handing it to the routes or the widget, and a failed read (the routes' answers are in
/// <c>Api/TotalsRoutesTests</c>, the widget's table in <c>Api/TotalsWidgetTests</c>).
/// </summary>
public sealed class TotalsApiTests : IDisposable
{
    private static readonly LocalDate March3 = new(2025, 3, 3);
    private readonly InMemoryLedgers _ledgers = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.Zero));
    private readonly StringWriter _log = new();

    public void Dispose() => _log.Dispose();

    private TotalsApi Function(string zone = "UTC") =>
        new(new DayTotalsReader(_ledgers, DateTimeZoneProviders.Tzdb[zone], _clock), _clock, _log);

    private async Task<(int Status, JsonElement Body, JsonElement Response)> InvokeAsync(byte[] request, string zone = "UTC")
    {
        using var input = new MemoryStream(request);
        await using var output = await Function(zone).HandleAsync(input);
        var response = JsonDocument.Parse(ReadAll(output)).RootElement;
        var body = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
        return (response.GetProperty("statusCode").GetInt32(), body, response);
    }

    [Fact]
    public async Task The_documented_event_for_a_day_is_answered_with_its_running_totals_in_the_report_number_style()
    {
        _ledgers.Running(March3, new DailyTotals(1500m, 750.25m, 15, 8), correction: new DailyTotals(0.5m, 0m, 1, 0));
        using var input = new MemoryStream(Fixture(RequestFixture));

        await using var output = await Function().HandleAsync(input);

        using var response = JsonDocument.Parse(ReadAll(output));
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json", response.RootElement.GetProperty("headers").GetProperty("content-type").GetString());
        Assert.Equal(
            """{"date":"2025-03-03","total_issued":1500.5,"total_redeemed":750.25,"net_rewards":750.25,"issued_count":16,"redeemed_count":8,"final_revision":null,"as_of":"2025-03-03T23:30:00Z"}""",
            response.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AWSs_own_sample_event_with_an_IAM_authorizer_is_read_and_its_path_is_a_404()
    {
        // Libraries/test/EventsTests.Shared/http-api-v2-request-iam-authorizer.json, byte-order mark and all.
        var (status, body, _) = await InvokeAsync(Fixture("http-api-v2-request-iam-authorizer.json"));

        Assert.Equal(404, status);
        Assert.StartsWith("path '/my/path' is not served", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_read_is_a_500_that_says_nothing_of_the_cause_which_goes_to_the_log()
    {
        _ledgers.Failure = new InvalidOperationException("secret-table-name is throttled");

        var (status, body, response) = await InvokeAsync(Get("/today"));

        Assert.Equal(500, status);
        Assert.Equal("the totals could not be read; the function's log has the cause", body.GetProperty("error").GetString());
        Assert.DoesNotContain("secret", response.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: secret-table-name is throttled", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"date\":\"2025-03-03\"}")]
    [InlineData("not json")]
    public async Task A_payload_that_is_neither_a_function_URL_nor_a_widget_event_fails_the_invocation(string payload)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload));

        var error = await Assert.ThrowsAsync<TotalsApiEventException>(() => Function().HandleAsync(input));

        Assert.EndsWith(TotalsApiEvent.Expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_custom_widget_event_is_answered_with_an_HTML_table_of_today_and_the_seven_days_before_it()
    {
        _ledgers.Running(March3, new DailyTotals(12.5m, 2m, 3, 1))
            .Running(March3.PlusDays(-1), new DailyTotals(7m, 0m, 1, 0)).Finalized(March3.PlusDays(-1), new DailyTotals(7m, 0m, 1, 0), revision: 1);
        using var input = new MemoryStream(Fixture("cloudwatch-custom-widget-event.json"));

        await using var output = await Function().HandleAsync(input);

        var html = JsonSerializer.Deserialize<string>(ReadAll(output))!;
        Assert.StartsWith("<table><caption>Running totals by day in UTC (reward-analytics-dev), as of 2025-03-03T23:30:00Z</caption>", html, StringComparison.Ordinal);
        Assert.Equal(8, html.Split("<tr><td>").Length - 1);
        Assert.Contains("<tr><td>2025-03-03</td><td style=\"text-align:right\">12.5</td><td style=\"text-align:right\">2.0</td><td style=\"text-align:right\">10.5</td>" +
            "<td style=\"text-align:right\">3</td><td style=\"text-align:right\">1</td><td>running</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2025-03-02</td><td style=\"text-align:right\">7.0</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>revision 1</td>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("2025-03-03", StringComparison.Ordinal) < html.IndexOf("2025-02-24", StringComparison.Ordinal), "newest day first");
        Assert.DoesNotContain("2025-02-23", html, StringComparison.Ordinal);
    }
}
