namespace RewardAnalytics.Core.Finalization;

/// <summary>The aggregates table as the finalizer sees it: a day's ledger, and the <c>FINAL</c> item as commit point.</summary>
public interface IFinalizationTable : IDayLedgerReader
{
    /// <summary>
    /// Writes the <c>FINAL</c> item for <paramref name="final"/>'s revision, on condition that the stored item is
    /// still the previous revision (or absent, for revision 1). Throws <see cref="FinalRevisionConflictException"/>
    /// when another finalizer committed first.
    /// </summary>
    Task CommitAsync(FinalizedDay final, CancellationToken cancellationToken);
}
