using NodaTime;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.Reconciliation;

/// <summary>The repair scan's tally: items counted by the stream's rules on their day in the report zone.</summary>
public sealed class GroundTruthTallyTests
{
    private static readonly LocalDate Day = new(2023, 11, 15);

    [Fact]
    public void The_scan_tally_counts_items_by_the_stream_rules_on_their_day_in_the_zone()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var tally = new GroundTruthTally(newYork, new DateInterval(Day, Day));

        tally.Add(AttributeKind.S, "issued", AttributeKind.N, "10.5", AttributeKind.S, "2023-11-16T04:59:59Z"); // 23:59:59 EST on the 15th
        tally.Add(AttributeKind.S, "REDEEMED", AttributeKind.N, "0.25", AttributeKind.N, "1700049600");          // 2023-11-15T12:00Z
        tally.Add(AttributeKind.S, "ISSUED", AttributeKind.N, "7", AttributeKind.S, "2023-11-16T05:00:00Z");     // the 16th: outside
        tally.Add(AttributeKind.S, "ISSUED", AttributeKind.N, "-1", AttributeKind.S, "2023-11-15T12:00:00Z");    // skipped by the stream too
        tally.Add(AttributeKind.S, "GIFTED", AttributeKind.N, "1", AttributeKind.S, "2023-11-15T12:00:00Z");

        Assert.Equal(new DailyTotals(10.5m, 0.25m, 1, 1), tally.For(Day));
        Assert.Equal(5, tally.ItemsRead);
        Assert.Equal(1, tally.Unreadable[SkipReason.AmountNegative]);
        Assert.Equal(1, tally.Unreadable[SkipReason.TypeUnknown]);
    }
}
