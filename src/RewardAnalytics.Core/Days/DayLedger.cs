using NodaTime;

namespace RewardAnalytics.Core.Days;

/// <summary>
/// Everything one consistent query of a day's items returns: the sum of its shard items, its reconcile correction
/// (if any), and its <c>FINAL</c> item (if the day was finalized).
/// </summary>
public sealed record DayLedger(DailyTotals ShardTotals, DailyTotals? Correction, FinalizedDay? Final)
{
    /// <summary>What TTL expiries removed from the rewards table for this day (counted in the totals, gone from a scan).</summary>
    public DailyTotals Expired { get; init; }

    /// <summary>How many items the day has (shard items, correction, FINAL): zero for a day nothing was ever written for.</summary>
    public int ItemCount { get; init; }

    /// <summary>
    /// The report time zones (IANA ids) the day's items record: the zone the aggregator summed each shard item in, and
    /// the zone of the correction and FINAL. Empty when no item records one (items written before zones were recorded).
    /// </summary>
    public IReadOnlySet<string> Zones { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The running totals: every shard item plus the correction (the same figure <c>totals</c> prints).</summary>
    public DailyTotals RunningTotals => ShardTotals + (Correction ?? DailyTotals.Zero);

    /// <summary>True when no item was ever written for the day.</summary>
    public bool IsEmpty => ItemCount == 0 && Final is null && Correction is null;

    /// <summary>
    /// This ledger, when its items were summed in <paramref name="zone"/> (or record no zone); otherwise throws
    /// <see cref="ReportTimeZoneMismatchException"/> naming both zones.
    /// </summary>
    public DayLedger InZone(LocalDate day, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Zones.Count == 0 || (Zones.Count == 1 && Zones.Contains(zone.Id))
            ? this
            : throw new ReportTimeZoneMismatchException(day, Zones.ToArray(), zone.Id);
    }
}
