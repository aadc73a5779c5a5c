using NodaTime;

namespace RewardAnalytics.Core.Days;

/// <summary>Reads a day's ledger (shard items, correction, <c>FINAL</c>) with one consistent query: the finalizer's read rule, which the totals API shares.</summary>
public interface IDayLedgerReader
{
    /// <summary>The day's shard items, correction and <c>FINAL</c> item, from one consistent query.</summary>
    Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken);
}
