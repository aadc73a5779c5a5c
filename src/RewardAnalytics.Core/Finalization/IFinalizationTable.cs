using NodaTime;
using RewardAnalytics.Core.Days;

namespace RewardAnalytics.Core.Finalization;

/// <summary>The aggregates table as the finalizer sees it: a day's ledger, the <c>FINAL</c> item as commit point, and the first day with data.</summary>
public interface IFinalizationTable : IDayLedgerReader
{
    /// <summary>
    /// Writes the <c>FINAL</c> item <paramref name="final"/>, on condition that the stored item is still
    /// <paramref name="previous"/> (the same revision and commit count; absent when <paramref name="previous"/> is null).
    /// Throws <see cref="FinalRevisionConflictException"/> when another finalizer committed first.
    /// </summary>
    Task CommitAsync(FinalizedDay final, FinalizedDay? previous, CancellationToken cancellationToken);

    /// <summary>
    /// The earliest day the aggregates table has any item for (null while it has none): days before it with no item have
    /// no data. Kept as a marker once known, and found from the table itself before the first run records one.
    /// </summary>
    Task<LocalDate?> ReadFirstDayAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="day"/> as the earliest day with data, unless an earlier one is recorded.</summary>
    Task RecordFirstDayAsync(LocalDate day, CancellationToken cancellationToken);
}
