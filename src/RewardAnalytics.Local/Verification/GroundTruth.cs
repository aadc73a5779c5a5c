using Amazon.DynamoDBv2.Model;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Stream;

namespace RewardAnalytics.Local.Verification;

/// <summary>
/// What every day's totals must be, computed from whole items rather than from the stream: each readable item adds
/// its contribution to the day of its <c>createdAt</c> in the report time zone. The items are a full scan of the
/// rewards table plus the images the TTL process removed (history the totals keep, DESIGN.md).
/// </summary>
public sealed class GroundTruth
{
    private readonly SortedDictionary<LocalDate, DailyTotals> _days;

    private GroundTruth(SortedDictionary<LocalDate, DailyTotals> days, IReadOnlyList<string> unreadable, int items)
    {
        _days = days;
        UnreadableKeys = unreadable;
        ItemCount = items;
    }

    public IReadOnlyDictionary<LocalDate, DailyTotals> Days => _days;

    /// <summary>rewardIds of the items no total counts.</summary>
    public IReadOnlyList<string> UnreadableKeys { get; }

    public int ItemCount { get; }

    public DailyTotals For(LocalDate day) => _days.GetValueOrDefault(day);

    public static GroundTruth FromItems(IEnumerable<IReadOnlyDictionary<string, AttributeValue>> items, RewardImageSchema schema, DateTimeZone zone)
    {
        var days = new SortedDictionary<LocalDate, DailyTotals>();
        var unreadable = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            count++;
            var image = RewardItems.Evaluate(item, schema);
            if (!image.IsValid)
            {
                unreadable.Add(item.TryGetValue("rewardId", out var id) ? id.S ?? "?" : "?");
                continue;
            }

            var day = image.DayIn(zone);
            days[day] = days.GetValueOrDefault(day) + image.Contribution;
        }

        return new GroundTruth(days, unreadable, count);
    }
}
