using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws.Reconciliation;

/// <summary>
/// Brings history into the service: one reconcile with fix over the whole range (a single parallel scan, each differing
/// day's <c>CORRECTION</c> written), then every day finalized through the finalizer's own path (report, metrics where
/// CloudWatch still accepts them, <c>FINAL</c>). Running it again finds every day equal and every report unchanged.
/// </summary>
public sealed class HistoryBackfill
{
    private readonly RewardsReconciliation _reconciliation;
    private readonly Func<LocalDate, CancellationToken, Task<DayOutcome>> _finalizeDay;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;

    /// <summary>
    /// A backfill of the rewards table <paramref name="rewardsTable"/> into the aggregates table of <paramref name="settings"/>;
    /// <paramref name="finalizeDay"/> finalizes one day (the daily finalizer's <c>FinalizeDayAsync</c>).
    /// </summary>
    public HistoryBackfill(IAmazonDynamoDB dynamo, string rewardsTable, AggregatorSettings settings, TimeProvider clock,
        Func<LocalDate, CancellationToken, Task<DayOutcome>> finalizeDay)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _reconciliation = new RewardsReconciliation(dynamo, rewardsTable, settings, clock);
        _finalizeDay = finalizeDay;
        _zone = settings.ReportTimeZone;
        _clock = clock;
    }

    /// <summary>Backfills <paramref name="days"/>, scanning in <paramref name="segments"/> parallel segments.</summary>
    /// <exception cref="ReconciliationRequestException">The range reaches today or later in the report time zone.</exception>
    public async Task<BackfillResult> RunAsync(DateInterval days, int segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var today = FinalizationCalendar.Today(Instant.FromDateTimeOffset(_clock.GetUtcNow()), _zone);
        if (days.End >= today)
        {
            throw new ReconciliationRequestException(
                $"--to is {IsoDate.Format(days.End)}: today in {_zone.Id} is {IsoDate.Format(today)}, and a day that has not ended is still " +
                $"being written by the stream; backfill up to {IsoDate.Format(today.PlusDays(-1))}");
        }

        var reconciliation = await _reconciliation.RunAsync(days, segments, fix: true, cancellationToken).ConfigureAwait(false);
        var corrected = reconciliation.Fixed.Select(d => d.Date).ToHashSet();
        var backfilled = new List<BackfilledDay>();
        foreach (var check in reconciliation.Days)
        {
            var outcome = await _finalizeDay(check.Date, cancellationToken).ConfigureAwait(false);
            backfilled.Add(new BackfilledDay(check, corrected.Contains(check.Date), outcome));
        }

        return new BackfillResult(reconciliation.Tally, backfilled);
    }
}
