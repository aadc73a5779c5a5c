using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// Sums reward items read by a scan into per-day ground truth, with exactly the rules the stream path uses
/// (<see cref="RewardImageRules"/>), so the scan and the running totals agree on which items count and on which day.
/// Not thread-safe: give each scan segment its own tally and <see cref="Merge"/> them.
/// </summary>
public sealed class GroundTruthTally
{
    private readonly DateTimeZone _zone;
    private readonly DateInterval _days;
    private readonly Dictionary<LocalDate, DailyTotals> _totals = [];
    private readonly Dictionary<SkipReason, long> _unreadable = [];

    /// <summary>An empty tally for <paramref name="days"/>, filing items under their calendar day in <paramref name="zone"/>.</summary>
    public GroundTruthTally(DateTimeZone zone, DateInterval days)
    {
        _zone = zone;
        _days = days;
    }

    /// <summary>Items the scan handed to this tally, counted or not.</summary>
    public long ItemsRead { get; private set; }

    /// <summary>Items that count toward no day (the same items the stream aggregator skips), by reason.</summary>
    public IReadOnlyDictionary<SkipReason, long> Unreadable => _unreadable;

    /// <summary>Adds one item, given its three attributes' DynamoDB types and text; items outside the range or unreadable count toward no day.</summary>
    public void Add(AttributeKind typeKind, string? type, AttributeKind amountKind, string? amount, AttributeKind createdAtKind, string? createdAt)
    {
        ItemsRead++;
        var image = RewardImageRules.Evaluate(typeKind, type, amountKind, amount, createdAtKind, createdAt);
        if (!image.IsValid)
        {
            _unreadable[image.Error] = _unreadable.GetValueOrDefault(image.Error) + 1;
            return;
        }

        var day = image.DayIn(_zone);
        if (_days.Contains(day))
        {
            _totals[day] = _totals.GetValueOrDefault(day) + image.Contribution;
        }
    }

    /// <summary>Adds another segment's tally into this one.</summary>
    public void Merge(GroundTruthTally other)
    {
        ItemsRead += other.ItemsRead;
        foreach (var (day, totals) in other._totals)
        {
            _totals[day] = _totals.GetValueOrDefault(day) + totals;
        }

        foreach (var (reason, count) in other._unreadable)
        {
            _unreadable[reason] = _unreadable.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary>The ground truth of a day in the range (zero when no reward counts toward it).</summary>
    public DailyTotals For(LocalDate day) => _totals.GetValueOrDefault(day);
}
