using System.Runtime.CompilerServices;
using NodaTime;

namespace RewardAnalytics.Core.Aggregation;

/// <summary>
/// Maps instants to calendar dates in one zone, remembering which instants fall on the last few dates it computed
/// (each at one fixed offset, inside one zone interval). A batch spans a few days, so nearly every image costs a
/// couple of comparisons instead of a zone lookup. Mutable: one per fold, never shared between threads.
/// </summary>
internal struct ZoneDayCache(DateTimeZone zone)
{
    private const int Slots = 8;
    private readonly DateTimeZone _zone = zone;
    private DaySpans _spans;
    private int _used;
    private int _next;

    public LocalDate DayOf(Instant instant)
    {
        for (var i = 0; i < _used; i++)
        {
            ref readonly var span = ref _spans[i];
            if (instant >= span.From && instant < span.Until)
            {
                return span.Day;
            }
        }

        return Compute(instant);
    }

    private LocalDate Compute(Instant instant)
    {
        // Within one zone interval the offset is fixed, so local time = instant + offset, exactly as InZone computes it.
        var interval = _zone.GetZoneInterval(instant);
        var offset = interval.WallOffset;
        var day = instant.WithOffset(offset).Date;
        var dayStart = day.AtMidnight().WithOffset(offset).ToInstant();
        var dayEnd = day.PlusDays(1).AtMidnight().WithOffset(offset).ToInstant();
        _spans[_next] = new DaySpan(
            interval.HasStart && interval.Start > dayStart ? interval.Start : dayStart,
            interval.HasEnd && interval.End < dayEnd ? interval.End : dayEnd,
            day);
        _next = (_next + 1) % Slots;
        _used = Math.Min(_used + 1, Slots);
        return day;
    }

    /// <summary>The instants in [From, Until) fall on Day.</summary>
    private readonly record struct DaySpan(Instant From, Instant Until, LocalDate Day);

    [InlineArray(Slots)]
    private struct DaySpans
    {
        private DaySpan _first;
    }
}
