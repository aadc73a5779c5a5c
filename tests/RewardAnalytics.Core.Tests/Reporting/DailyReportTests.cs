using System.Text;
using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Tests.Reporting;

/// <summary>The report body is byte for byte what the original service's json.dumps(report, indent=2) wrote.</summary>
public sealed class DailyReportTests
{
    [Fact]
    public void The_report_of_the_README_example_is_exactly_its_six_fields_with_two_space_indent_and_no_trailing_newline()
    {
        var report = new DailyReport(new LocalDate(2023, 11, 15), new DailyTotals(1500.00m, 750m, 15, 8));

        Assert.Equal(
            "{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": 1500.0,\n  \"total_redeemed\": 750.0,\n  \"net_rewards\": 750.0,\n  \"issued_count\": 15,\n  \"redeemed_count\": 8\n}",
            Encoding.UTF8.GetString(report.ToUtf8()));
    }

    [Fact]
    public void An_empty_day_reports_zeros_with_a_fraction_on_the_amounts()
    {
        Assert.Equal(
            "{\n  \"date\": \"2024-02-29\",\n  \"total_issued\": 0.0,\n  \"total_redeemed\": 0.0,\n  \"net_rewards\": 0.0,\n  \"issued_count\": 0,\n  \"redeemed_count\": 0\n}",
            new DailyReport(new LocalDate(2024, 2, 29), DailyTotals.Zero).ToJson());
    }

    [Fact]
    public void A_day_that_redeemed_more_than_it_issued_reports_a_negative_net()
    {
        var json = new DailyReport(new LocalDate(2023, 11, 15), new DailyTotals(12.340m, 100.5m, 1, 3)).ToJson();

        Assert.Contains("\n  \"total_issued\": 12.34,\n  \"total_redeemed\": 100.5,\n  \"net_rewards\": -88.16,\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_parses_as_JSON_with_the_fields_in_order()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(new DailyReport(new LocalDate(2023, 11, 15), new DailyTotals(1500m, 750m, 15, 8)).ToUtf8());

        Assert.Equal(
            ["date", "total_issued", "total_redeemed", "net_rewards", "issued_count", "redeemed_count"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(750m, doc.RootElement.GetProperty("net_rewards").GetDecimal());
    }
}
