using NodaTime;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The daily finalizer's logic. For the target day and the re-checked days before it: read the day's ledger (one
/// consistent query), decide, then write report → metrics → FINAL. FINAL is the commit point, so a crash at any
/// step converges on the next run: before FINAL the rerun rewrites the same report bytes and re-emits the same
/// values; after FINAL it does nothing. FINAL records what the metrics namespace holds for the day, so metrics that did
/// not reach CloudWatch (a run outside Lambda) or went to another namespace are published by the next run that can.
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

    /// <summary>The metrics this finalizer publishes (their namespace, and whether they reach CloudWatch).</summary>
    public IDayMetrics Metrics => _metrics;

    /// <summary>
    /// Finalizes <paramref name="requested"/> (or yesterday in the report time zone) and re-checks the days before it.
    /// A day with no item at all before the first day with data is "no data": no report, no metrics (see docs/finalizer.md).
    /// Throws <see cref="FinalizationRequestException"/> for a day that has not ended, and
    /// <see cref="FinalizationFailedException"/> when any day failed (the others are committed).
    /// </summary>
    public async Task<FinalizationSummary> RunAsync(LocalDate? requested, CancellationToken cancellationToken)
    {
        var zone = _settings.ReportTimeZone;
        var target = FinalizationCalendar.ResolveTarget(requested, Now, zone);
        var firstDay = await _table.ReadFirstDayAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<DayOutcome>();
        var failures = new List<(LocalDate, Exception)>();

        // Oldest first, so that the first day with data is known before a later day without any is judged.
        foreach (var day in FinalizationCalendar.DaysToCheck(target, _settings.RecheckDays).Reverse())
        {
            try
            {
                var ledger = await ReadAsync(day, cancellationToken).ConfigureAwait(false);
                if (ledger.IsEmpty && (firstDay is null || day < firstDay))
                {
                    var none = new DayOutcome(day, DayAction.NoData, 0, DailyTotals.Zero, MetricsOutcome.None, DailyTotals.Zero);
                    _log.NoData(day, firstDay);
                    outcomes.Add(none);
                    continue;
                }

                if (!ledger.IsEmpty && (firstDay is null || day < firstDay))
                {
                    await _table.RecordFirstDayAsync(day, cancellationToken).ConfigureAwait(false);
                    firstDay = day;
                }

                outcomes.Add(await FinalizeDayAsync(day, ledger, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad day must not stop the others; the invocation still fails so that Lambda retries it (asynchronous invocation).
                _log.DayFailed(day, ex);
                failures.Add((day, ex));
            }
        }

        outcomes.Reverse();
        return failures.Count == 0
            ? new FinalizationSummary(target, outcomes)
            : throw new FinalizationFailedException(outcomes, failures);
    }

    /// <summary>
    /// Brings one day's report, metrics and FINAL item up to its running totals (what <c>backfill</c> runs for each day
    /// of its range: a day it scanned is finalized even without items, as the zero the scan found).
    /// </summary>
    public async Task<DayOutcome> FinalizeDayAsync(LocalDate day, CancellationToken cancellationToken) =>
        await FinalizeDayAsync(day, await ReadAsync(day, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<DayOutcome> FinalizeDayAsync(LocalDate day, DayLedger ledger, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var plan = DayPlan.Decide(day, ledger, _metrics.Namespace);
            if (plan.Action == DayAction.Unchanged)
            {
                return new DayOutcome(day, DayAction.Unchanged, plan.Revision, plan.Totals, MetricsOutcome.None, DailyTotals.Zero);
            }

            var now = Now;
            var timestamp = FinalizationCalendar.MetricsTimestamp(day, _settings.ReportTimeZone);
            var accepted = FinalizationCalendar.MetricsAccepted(timestamp, now);
            var publish = accepted && _metrics.ReachesCloudWatch;
            var metricsOutcome = publish ? MetricsOutcome.Published : accepted ? MetricsOutcome.NotDelivered : MetricsOutcome.TooOld;
            if (plan.Action == DayAction.MetricsPublished && !publish)
            {
                // Only the metrics are missing, and this run cannot add them: write nothing; say so when a later run can.
                if (metricsOutcome == MetricsOutcome.NotDelivered)
                {
                    _log.MetricsNotDelivered(day, plan.Revision, _metrics.Namespace, _settings.RecheckDays);
                }

                return new DayOutcome(day, DayAction.Unchanged, plan.Revision, plan.Totals,
                    metricsOutcome == MetricsOutcome.NotDelivered ? MetricsOutcome.NotDelivered : MetricsOutcome.None, DailyTotals.Zero);
            }

            var metrics = new DayMetricValues(day, timestamp, plan.MetricValues, plan.Revision, plan.MetricsKind);
            var previous = ledger.Final;
            var final = new FinalizedDay(day, plan.Totals, plan.Revision, now,
                publish ? new PublishedMetrics(_metrics.Namespace, plan.Totals) : previous?.Metrics)
            {
                Commits = (previous?.Commits ?? 0) + 1,
                ReportTimeZone = _settings.ReportTimeZone.Id,
            };

            // 1. The report: the figure of record. Rewriting it is harmless (same body for the same totals).
            if (plan.Action != DayAction.MetricsPublished)
            {
                await _reports.PutAsync(new PublishedReport(new DailyReport(day, plan.Totals), plan.Revision, now), cancellationToken).ConfigureAwait(false);
            }

            // 2. Metrics, then 3. FINAL straight after: everything is built beforehand and the commit is not
            // cancellable, so the window in which a crash re-publishes a revision's values is one log line wide.
            if (publish)
            {
                _metrics.Publish(metrics);
            }
            else if (metricsOutcome == MetricsOutcome.TooOld)
            {
                _log.MetricsTooOld(day, plan.Revision, timestamp);
            }
            else
            {
                _log.MetricsNotDelivered(day, plan.Revision, _metrics.Namespace, _settings.RecheckDays);
            }

            try
            {
                await _table.CommitAsync(final, previous, CancellationToken.None).ConfigureAwait(false);
            }
            catch (FinalRevisionConflictException)
            {
                ledger = await RecoverFromConflictAsync(day, plan, publish ? metrics : null, cancellationToken).ConfigureAwait(false);
                if (attempt >= MaxConflictRetries)
                {
                    throw;
                }

                continue;
            }

            var outcome = new DayOutcome(day, plan.Action, plan.Revision, plan.Totals, metricsOutcome, publish ? plan.MetricValues : DailyTotals.Zero);
            _log.DayFinalized(outcome);
            return outcome;
        }
    }

    /// <summary>The day's ledger, refused when its items were summed in another report time zone than this finalizer's.</summary>
    private async Task<DayLedger> ReadAsync(LocalDate day, CancellationToken cancellationToken) =>
        (await _table.ReadDayAsync(day, cancellationToken).ConfigureAwait(false)).InZone(day, _settings.ReportTimeZone);

    /// <summary>
    /// A concurrent finalizer committed first. Its report may have been overwritten by ours and its metrics published
    /// alongside ours: cancel our line, restore the committed revision's report, and return the ledger to decide again on.
    /// </summary>
    private async Task<DayLedger> RecoverFromConflictAsync(LocalDate day, DayPlan plan, DayMetricValues? published, CancellationToken cancellationToken)
    {
        if (published is not null)
        {
            _metrics.Publish(published with { Values = -published.Values, Kind = MetricsKind.Compensation });
        }

        _log.RevisionConflict(day, plan.Revision, published is not null);
        var ledger = await ReadAsync(day, cancellationToken).ConfigureAwait(false);
        if (ledger.Final is { } committed && plan.Action != DayAction.MetricsPublished)
        {
            await _reports.PutAsync(new PublishedReport(new DailyReport(day, committed.Totals), committed.Revision, committed.FinalizedAt), cancellationToken)
                .ConfigureAwait(false);
        }

        return ledger;
    }

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());
}
