using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Tests.Days;

/// <summary>A day and a range of days as the totals API writes them.</summary>
public sealed class DayRangeViewTests
{
    private static readonly LocalDate March3 = new(2025, 3, 3);
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 3, 23, 30);

    [Fact]
    public void A_day_and_a_range_are_written_as_the_API_body_with_non_ASCII_text_kept_as_is()
    {
        var running = new DayView(March3, new DailyTotals(1500m, 0m, 15, 0), null, Now);
        var unreadable = DayView.Unreadable(March3.PlusDays(1), "item SHARD#Zürich is ‘broken’", Now);

        var json = new DayRangeView(March3, March3.PlusDays(1), [running, unreadable]).ToJson();

        Assert.Equal(
            """{"date":"2025-03-03","total_issued":1500.0,"total_redeemed":0.0,"net_rewards":1500.0,"issued_count":15,"redeemed_count":0,"final_revision":null,"as_of":"2025-03-03T23:30:00Z"}""",
            running.ToJson());
        Assert.Equal(
            """{"from":"2025-03-03","to":"2025-03-04","days":[""" + running.ToJson() +
            """,{"date":"2025-03-04","unreadable":"item SHARD#Zürich is ‘broken’","as_of":"2025-03-03T23:30:00Z"}]""" +
            ""","sum":{"total_issued":1500.0,"total_redeemed":0.0,"net_rewards":1500.0,"issued_count":15,"redeemed_count":0},"unreadable_days":1}""",
            json);
    }
}
