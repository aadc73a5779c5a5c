using System.Globalization;
using System.Text;
using CsCheck;
using NodaTime;
using RewardAnalytics.Core.Reporting;

namespace RewardAnalytics.Core.Tests.Reporting;

/// <summary><c>parity</c>'s comparison: two reports are equal by JSON content, field by field as exact decimals.</summary>
public sealed class ReportParityTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    private static byte[] Seed(string issued = "1500.0", string count = "15") => Encoding.UTF8.GetBytes(
        "{\n  \"date\": \"2023-11-15\",\n  \"total_issued\": " + issued + ",\n  \"total_redeemed\": 750.0,\n  \"net_rewards\": 750.0,\n" +
        "  \"issued_count\": " + count + ",\n  \"redeemed_count\": 8\n}");

    [Fact]
    public void The_seeds_report_matches_the_services_report_of_the_same_day()
    {
        var service = new DailyReport(Day, new DailyTotals(1500m, 750m, 15, 8)).ToUtf8();

        var parity = ReportParity.Compare(Day, Seed(), service);

        Assert.True(parity.Matches);
        Assert.Equal("match", parity.Result);
    }

    [Fact]
    public void Other_whitespace_key_order_number_style_and_a_byte_order_mark_do_not_matter()
    {
        var other = Encoding.UTF8.GetBytes("\uFEFF{\"redeemed_count\":8.0,\"issued_count\":15,\"net_rewards\":7.5E2,\"total_redeemed\":750,\"total_issued\":1500.000,\"date\":\"2023-11-15\"}\r\n");

        Assert.True(ReportParity.Compare(Day, other, Seed()).Matches);
    }

    [Fact]
    public void A_differing_field_is_named_with_both_values_and_amounts_compare_exactly()
    {
        var parity = ReportParity.Compare(Day, Seed(issued: "1500.0000000000001"), Seed());

        Assert.Equal("differs", parity.Result);
        Assert.Equal([new FieldDifference("total_issued", "1500.0000000000001", "1500.0")], parity.Differences);
    }

    [Fact]
    public void A_missing_field_a_body_that_is_not_json_and_a_report_filed_under_another_day_differ()
    {
        var missing = Encoding.UTF8.GetBytes("{\"date\":\"2023-11-15\",\"total_issued\":1500.0,\"total_redeemed\":750.0,\"net_rewards\":750.0,\"issued_count\":15}");
        var otherDay = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seed()).Replace("2023-11-15", "2023-11-16", StringComparison.Ordinal));

        Assert.Equal([new FieldDifference("redeemed_count", null, "8")], ReportParity.Compare(Day, missing, Seed()).Differences);
        Assert.Equal("body", Assert.Single(ReportParity.Compare(Day, "not json"u8.ToArray(), Seed()).Differences).Field);
        Assert.Equal([new FieldDifference("date", "\"2023-11-16\"", "\"2023-11-16\"")], ReportParity.Compare(Day, otherDay, otherDay).Differences);
    }

    [Fact]
    public void A_report_missing_on_one_side_is_not_a_match()
    {
        Assert.Equal("missing-baseline", ReportParity.Compare(Day, null, Seed()).Result);
        Assert.Equal("missing-candidate", ReportParity.Compare(Day, Seed(), null).Result);
        Assert.False(ReportParity.Compare(Day, null, null).Matches);
    }

    [Fact]
    public void Any_report_matches_itself_in_any_layout_and_a_change_to_one_count_is_exactly_that_field()
    {
        Gen.Select(Gen.Decimal[0m, 1_000_000m], Gen.Decimal[0m, 1_000_000m], Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[1, 5])
            .Sample((issued, redeemed, issuedCount, redeemedCount, zeros) =>
            {
                var totals = new DailyTotals(decimal.Round(issued, 4), decimal.Round(redeemed, 4), issuedCount, redeemedCount);
                var service = new DailyReport(Day, totals).ToUtf8();
                var padding = new string('0', zeros);
                var reshaped = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"{{ \"issued_count\" : {totals.IssuedCount}, \"net_rewards\": {ReportNumber.Format(totals.NetRewards)}{padding}, " +
                    $"\"total_redeemed\":{ReportNumber.Format(totals.TotalRedeemed)}{padding},\"date\":\"2023-11-15\",\t" +
                    $"\"total_issued\": {ReportNumber.Format(totals.TotalIssued)}, \"redeemed_count\": {totals.RedeemedCount} }}"));
                var recounted = new DailyReport(Day, totals with { RedeemedCount = totals.RedeemedCount + 1 }).ToUtf8();

                Assert.True(ReportParity.Compare(Day, reshaped, service).Matches);
                Assert.Equal("redeemed_count", Assert.Single(ReportParity.Compare(Day, reshaped, recounted).Differences).Field);
            });
    }
}
