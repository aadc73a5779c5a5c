using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Tests.Days;
using RewardAnalytics.Functions.Api;
using static RewardAnalytics.Functions.Tests.FunctionEvents;

namespace RewardAnalytics.Functions.Tests.Api;

/// <summary>The dashboard custom widget's HTML table, for the widget event shaped like CloudWatch's, as the response payload carries it.</summary>
public sealed class TotalsWidgetTests
{
    private static readonly LocalDate March3 = new(2025, 3, 3);
    private readonly InMemoryLedgers _ledgers = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.Zero));

    private async Task<string> RenderAsync(WidgetEvent widget)
    {
        var html = await new TotalsWidget(new DayTotalsReader(_ledgers, DateTimeZoneProviders.Tzdb["UTC"], _clock)).RenderAsync(widget, CancellationToken.None);
        return TotalsWidget.ToResponseJson(html);
    }

    [Fact]
    public async Task The_widget_shows_an_unreadable_day_as_such_and_the_other_days_as_usual()
    {
        _ledgers.Running(March3, new DailyTotals(12.5m, 2m, 3, 1))
            .Failing(March3.PlusDays(-1), new ReportTimeZoneMismatchException(March3.PlusDays(-1), ["America/New_York"], "UTC"));
        var widget = (WidgetEvent)TotalsApiEvent.Read(Fixture("cloudwatch-custom-widget-event.json"));

        var output = await RenderAsync(widget);

        var html = JsonSerializer.Deserialize<string>(output)!;
        Assert.Equal(8, html.Split("<tr><td>").Length - 1);
        Assert.Contains("<tr><td>2025-03-03</td><td style=\"text-align:right\">12.5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2025-03-02</td><td colspan=\"6\">unreadable: 2025-03-02 was summed in America/New_York but REPORT_TIME_ZONE is UTC: " +
            "set REPORT_TIME_ZONE=America/New_York</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2025-03-01</td><td style=\"text-align:right\">0.0</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_widget_escapes_every_text_it_shows()
    {
        var day = new DayView(March3, DailyTotals.Zero, null, Instant.FromUtc(2025, 3, 3, 0, 0));

        var html = TotalsWidget.Render([day], "UTC", "<script>alert('x')</script> & \"co\"");

        Assert.Contains("(&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}
