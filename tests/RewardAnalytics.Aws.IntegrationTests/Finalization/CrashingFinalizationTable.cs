using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;

namespace RewardAnalytics.Aws.IntegrationTests.Finalization;

/// <summary>
/// The real table, with a hook that runs just before a commit (to let a concurrent finalizer in) and an optional
/// crash after the commit completes.
/// </summary>
public sealed class CrashingFinalizationTable(IFinalizationTable inner, bool crashAfterCommit = false, Func<Task>? beforeCommit = null) : IFinalizationTable
{
    public Task<DayLedger> ReadDayAsync(LocalDate day, CancellationToken cancellationToken) => inner.ReadDayAsync(day, cancellationToken);

    public Task<LocalDate?> ReadFirstDayAsync(CancellationToken cancellationToken) => inner.ReadFirstDayAsync(cancellationToken);

    public Task RecordFirstDayAsync(LocalDate day, CancellationToken cancellationToken) => inner.RecordFirstDayAsync(day, cancellationToken);

    public async Task CommitAsync(FinalizedDay final, FinalizedDay? previous, CancellationToken cancellationToken)
    {
        if (beforeCommit is not null)
        {
            var hook = beforeCommit;
            beforeCommit = null;
            await hook();
        }

        await inner.CommitAsync(final, previous, cancellationToken);
        if (crashAfterCommit)
        {
            throw new InjectedCrashException("crashed after FINAL was written");
        }
    }
}
