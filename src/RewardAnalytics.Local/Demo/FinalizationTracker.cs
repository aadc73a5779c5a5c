using System.Globalization;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Streaming;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// Runs the finalizer for the demo and checks every run as it happens: the days it covered (the target and the
/// RECHECK_DAYS before it), each day's action and revision against the <see cref="RevisionModel"/>, and its totals
/// against the ground truth of that moment (the recorder's mirror of the table plus TTL history).
/// </summary>
internal sealed class FinalizationTracker
{
    private readonly IDayFinalizer _finalizer;
    private readonly RecordingRewardsTable _table;
    private readonly RewardImageSchema _schema;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _clock;
    private readonly DateInterval _days;
    private readonly List<string> _problems = [];

    public FinalizationTracker(IDayFinalizer finalizer, RecordingRewardsTable table, RewardImageSchema schema, DateTimeZone zone, TimeProvider clock, DateInterval days)
    {
        _days = days;
        _finalizer = finalizer;
        _table = table;
        _schema = schema;
        _zone = zone;
        _clock = clock;
    }

    public int Runs { get; private set; }
    public RevisionModel Model { get; } = new();
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The revision each day was last reported at.</summary>
    public Dictionary<LocalDate, int> Revisions { get; } = [];

    /// <summary>
    /// Per day, what CloudWatch should have received in all: each created or revised revision's values (its totals, then
    /// the difference from the last published ones), except where the revision came when the day was already older than
    /// CloudWatch accepts (the finalizer's rule, <see cref="FinalizationCalendar.MetricsAccepted"/>), which publishes none.
    /// </summary>
    public Dictionary<LocalDate, DailyTotals> ExpectedMetricSums { get; } = [];

    /// <summary>Per day, how many of its revisions came too late for CloudWatch and so published no metrics.</summary>
    public Dictionary<LocalDate, int> RevisionsTooOldForMetrics { get; } = [];

    public async Task RunAsync(LocalDate? date, CancellationToken cancellationToken)
    {
        var target = date ?? Instant.FromDateTimeOffset(_clock.GetUtcNow()).InZone(_zone).Date.PlusDays(-1);
        var run = date is null ? $"scheduled run for {IsoDate.Format(target)}" : $"run for {IsoDate.Format(target)}";
        IReadOnlyList<FinalizerDayResult> summary;
        Runs++;
        try
        {
            summary = await _finalizer.FinalizeAsync(date, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _problems.Add($"{run} failed: {ex.GetType().Name}: {ex.Message}");
            return;
        }

        var truth = new GroundTruthTally(_zone, _days).Tally(_table.CurrentItems.Concat(_table.ExpiredItems), _schema);
        var expectedDays = Enumerable.Range(0, _finalizer.RecheckDays + 1).Select(i => target.PlusDays(-i)).OrderBy(d => d).ToArray();
        var reported = summary.Select(d => d.Date).OrderBy(d => d).ToArray();
        if (!reported.SequenceEqual(expectedDays))
        {
            _problems.Add($"{run} covered {string.Join(", ", reported.Select(IsoDate.Format))}; expected {string.Join(", ", expectedDays.Select(IsoDate.Format))}");
        }

        foreach (var day in summary.OrderBy(d => d.Date))
        {
            var expectedTotals = truth.For(day.Date);
            if (day.Action == "no-data")
            {
                // Right only for a day nothing was ever counted for and never reported: no rewards, no report before.
                if (!expectedTotals.IsZero || Model.RevisionOf(day.Date) != 0)
                {
                    _problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{run}: {IsoDate.Format(day.Date)} was reported as no data; expected {expectedTotals} at revision {Model.RevisionOf(day.Date)}"));
                }

                continue;
            }

            var before = Model.TotalsOf(day.Date);
            var (action, revision) = Model.Finalize(day.Date, expectedTotals);
            ExpectMetrics(day.Date, action, expectedTotals - before);
            Revisions[day.Date] = day.Revision;
            if (!string.Equals(day.Action, action, StringComparison.OrdinalIgnoreCase) || day.Revision != revision || day.Totals != expectedTotals)
            {
                _problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{run}: {IsoDate.Format(day.Date)} was {day.Action} at revision {day.Revision} with {day.Totals}; expected {action} at revision {revision} with {expectedTotals}"));
            }
        }
    }

    private void ExpectMetrics(LocalDate day, string action, DailyTotals values)
    {
        if (action == "unchanged")
        {
            return;
        }

        var now = Instant.FromDateTimeOffset(_clock.GetUtcNow());
        if (FinalizationCalendar.MetricsAccepted(FinalizationCalendar.MetricsTimestamp(day, _zone), now))
        {
            ExpectedMetricSums[day] = ExpectedMetricSums.GetValueOrDefault(day) + values;
        }
        else
        {
            RevisionsTooOldForMetrics[day] = RevisionsTooOldForMetrics.GetValueOrDefault(day) + 1;
        }
    }
}
