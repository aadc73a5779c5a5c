namespace RewardAnalytics.Core.Tests;

/// <summary>A day's totals describe themselves in report-number style.</summary>
public sealed class DailyTotalsTests
{
    [Fact]
    public void Totals_describe_themselves_in_report_number_style()
    {
        Assert.Equal("issued 1500.0 (15), redeemed 750.0 (8), net 750.0", new DailyTotals(1500m, 750m, 15, 8).ToString());
    }
}
