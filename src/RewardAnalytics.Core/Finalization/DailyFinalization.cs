using NodaTime;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The daily finalizer's logic. For the target day and the re-checked days before it: read the day's ledger (one
/// consistent query), decide, then write report → metrics → FINAL. FINAL is the commit point, so a crash at any
/// step converges on the next run: before FINAL the rerun rewrites the same report bytes and re-emits the same
/// values; after FINAL it does nothing.
/// </summary>
public sealed class DailyFinalization
{
    private const int MaxConflictRetries = 3;
    private readonly FinalizerSettings _settings;
    private readonly IFinalizationTable _table;
    private readonly IReportStore _reports;
    private readonly IDayMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly FinalizerLog _log;

    /// <summary>The finalizer over its table, report store and metrics; <paramref name="clock"/> decides which day is yesterday, <paramref name="log"/> receives the structured log lines.</summary>
    public DailyFinalization(FinalizerSettings settings, IFinalizationTable table, IReportStore reports, IDayMetrics metrics, TimeProvider clock, TextWriter log)
    {
        _settings = settings;
        _table = table;
        _reports = reports;
        _metrics = metrics;
        _clock = clock;
        _log = new FinalizerLog(log, clock);
    }

    /// <summary>The settings the finalizer was built with (report prefix, time zone, re-check window).</summary>
    public FinalizerSettings Settings => _settings;

    /// <summary>
    /// Finalizes <paramref name="requested"/> (or yesterday in the report time zone) and re-checks the days before it.
    /// Throws <see cref="FinalizationRequestException"/> for a day that has not ended, and
    /// <see cref="FinalizationFailedException"/> when any day failed (the others are committed).
    /// </summary>
    public async Task<FinalizationSummary> RunAsync(LocalDate? requested, CancellationToken cancellationToken)
    {
        var zone = _settings.ReportTimeZone;
        var target = FinalizationCalendar.ResolveTarget(requested, Now, zone);
        var outcomes = new List<DayOutcome>();
        var failures = new List<(LocalDate, Exception)>();
        foreach (var day in FinalizationCalendar.DaysToCheck(target, _settings.RecheckDays))
        {
            try
            {
                outcomes.Add(await FinalizeDayAsync(day, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad day must not stop the others; the invocation still fails so that Lambda retries it (asynchronous invocation).
                _log.DayFailed(day, ex);
                failures.Add((day, ex));
            }
        }

        return failures.Count == 0
            ? new FinalizationSummary(target, outcomes)
            : throw new FinalizationFailedException(outcomes, failures);
    }

    /// <summary>Brings one day's report, metrics and FINAL item up to its running totals.</summary>
    public async Task<DayOutcome> FinalizeDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ledger = await _table.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
            var plan = DayPlan.Decide(day, ledger);
            if (plan.Action == DayAction.Unchanged)
            {
                return new DayOutcome(day, DayAction.Unchanged, plan.Revision, plan.Totals, MetricsOutcome.None, DailyTotals.Zero);
            }

            var now = Now;
            var timestamp = FinalizationCalendar.MetricsTimestamp(day, _settings.ReportTimeZone);
            var publish = FinalizationCalendar.MetricsAccepted(timestamp, now);
            var metrics = new DayMetricValues(day, timestamp, plan.MetricValues, plan.Revision, plan.MetricsKind);
            var final = new FinalizedDay(day, plan.Totals, plan.Revision, now, publish);

            // 1. The report: the figure of record. Rewriting it is harmless (same body for the same totals).
            await _reports.PutAsync(new PublishedReport(new DailyReport(day, plan.Totals), plan.Revision, now), cancellationToken).ConfigureAwait(false);

            // 2. Metrics, then 3. FINAL straight after: everything is built beforehand and the commit is not
            // cancellable, so the window in which a crash re-publishes a revision's values is one log line wide.
            if (publish)
            {
                _metrics.Publish(metrics);
            }
            else
            {
                _log.MetricsTooOld(day, plan.Revision, timestamp);
            }

            try
            {
                await _table.CommitAsync(final, CancellationToken.None).ConfigureAwait(false);
            }
            catch (FinalRevisionConflictException)
            {
                await RecoverFromConflictAsync(day, plan, publish ? metrics : null, cancellationToken).ConfigureAwait(false);
                if (attempt >= MaxConflictRetries)
                {
                    throw;
                }

                continue;
            }

            var outcome = new DayOutcome(day, plan.Action, plan.Revision, plan.Totals,
                publish ? MetricsOutcome.Published : MetricsOutcome.TooOld, plan.MetricValues);
            _log.DayFinalized(outcome);
            return outcome;
        }
    }

    /// <summary>
    /// A concurrent finalizer committed this revision first. Its report may have been overwritten by ours and its
    /// metrics published alongside ours: cancel our line, restore the committed revision's report, then decide again.
    /// </summary>
    private async Task RecoverFromConflictAsync(LocalDate day, DayPlan plan, DayMetricValues? published, CancellationToken cancellationToken)
    {
        if (published is not null)
        {
            _metrics.Publish(published with { Values = -published.Values, Kind = MetricsKind.Compensation });
        }

        _log.RevisionConflict(day, plan.Revision, published is not null);
        var committed = (await _table.ReadDayAsync(day, cancellationToken).ConfigureAwait(false)).Final;
        if (committed is not null)
        {
            await _reports.PutAsync(new PublishedReport(new DailyReport(day, committed.Totals), committed.Revision, committed.FinalizedAt), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());
}
