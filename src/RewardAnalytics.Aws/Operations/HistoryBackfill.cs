using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// Brings history into the service: one reconcile with fix over the whole range (a parallel scan, each differing day's
/// <c>CORRECTION</c> written against the ledger it was computed from, see <see cref="RewardsReconciliation"/>), then
/// every day not refused finalized through the finalizer's own path (report, metrics where CloudWatch still accepts
/// them, <c>FINAL</c>). A refused day is neither corrected nor finalized. Running it again finds every day equal and
/// every report unchanged.
/// </summary>
public sealed class HistoryBackfill
{
    private readonly RewardsReconciliation _reconciliation;
    private readonly Func<LocalDate, CancellationToken, Task<DayOutcome>> _finalizeDay;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>
    /// A backfill of the rewards table into the aggregates table, both named in <paramref name="settings"/>;
    /// <paramref name="finalizeDay"/> finalizes one day (the daily finalizer's <c>FinalizeDayAsync</c>).
    /// </summary>
    public HistoryBackfill(IAmazonDynamoDB dynamo, RepairSettings settings, TimeProvider clock, Func<LocalDate, CancellationToken, Task<DayOutcome>> finalizeDay)
        : this(dynamo, settings, clock, finalizeDay, RepairSteps.None)
    {
    }

    /// <summary>The same, with <paramref name="steps"/> run between the reconciliation's steps (tests apply stream records there).</summary>
    internal HistoryBackfill(IAmazonDynamoDB dynamo, RepairSettings settings, TimeProvider clock,
        Func<LocalDate, CancellationToken, Task<DayOutcome>> finalizeDay, IRepairSteps steps)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _reconciliation = new RewardsReconciliation(dynamo, settings, clock, steps);
        _finalizeDay = finalizeDay;
        _zone = settings.Aggregator.ReportTimeZone;
        _clock = clock;
    }

    /// <summary>Backfills <paramref name="days"/>, scanning in <paramref name="segments"/> parallel segments.</summary>
    /// <exception cref="ReconciliationRequestException">The range reaches today or later in the report time zone.</exception>
    public async Task<BackfillResult> RunAsync(DateInterval days, int segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var today = ReportCalendar.Today(_clock, _zone);
        if (days.End >= today)
        {
            throw ReconciliationRequestException.DayNotEnded(days.End, today, _zone);
        }

        var reconciliation = await _reconciliation.RunAsync(days, segments, fix: true, cancellationToken).ConfigureAwait(false);
        var corrected = reconciliation.Fixed.Select(d => d.Date).ToHashSet();
        var backfilled = new List<BackfilledDay>();
        foreach (var check in reconciliation.Days)
        {
            var outcome = await _finalizeDay(check.Date, cancellationToken).ConfigureAwait(false);
            backfilled.Add(new BackfilledDay(check, corrected.Contains(check.Date), outcome));
        }

        return new BackfillResult(reconciliation.Tally, backfilled) { Refused = reconciliation.Refused, Scans = reconciliation.Scans };
    }
}
