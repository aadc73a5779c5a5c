using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Days;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws.Operations;

/// <summary>
/// The documented recovery path: a full, consistent, parallel scan of the rewards table counted with the stream's
/// rules, compared day by day with the running totals (plus the TTL-expired tally); with a fix, each differing day gets
/// the <c>CORRECTION</c> that makes it equal. It runs while the stream keeps writing, so a correction is written only
/// against the ledger it was computed from:
/// <list type="number">
/// <item>every day's ledger fingerprint is read before the scan and again after it (with the ledger between): a day the
/// stream changed during the scan is ambiguous (did the scan see the record or not?) and is scanned again, up to
/// <see cref="MaxScans"/> scans in all; a day still changing is refused;</item>
/// <item>the correction is written on condition that the <c>CORRECTION</c> item is still the one read;</item>
/// <item>the day's fingerprint is read again after the write: if the stream changed a shard item since the ledger read,
/// the correction may count a record twice (or undo it), so the previous correction is put back and the day refused.</item>
/// </list>
/// A refused day is named, has nothing written for it, and the other days proceed. A fix is refused outright for today
/// or later in the report time zone: the stream is still writing those days.
/// </summary>
public sealed class RewardsReconciliation
{
    /// <summary>Scans of the rewards table at most: the first, and rescans of the days the stream changed during the one before.</summary>
    public const int MaxScans = 3;

    private readonly IAmazonDynamoDB _dynamo;
    private readonly RepairSettings _settings;
    private readonly TimeProvider _clock;
    private readonly IRepairSteps _steps;

    /// <summary>Reconciliation of the rewards table against the aggregates table, both named in <paramref name="settings"/>; <paramref name="clock"/> decides what "today" is.</summary>
    public RewardsReconciliation(IAmazonDynamoDB dynamo, RepairSettings settings, TimeProvider clock)
        : this(dynamo, settings, clock, RepairSteps.None)
    {
    }

    /// <summary>The same, with <paramref name="steps"/> run between the workflow's steps (tests apply stream records there).</summary>
    internal RewardsReconciliation(IAmazonDynamoDB dynamo, RepairSettings settings, TimeProvider clock, IRepairSteps steps)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _dynamo = dynamo;
        _settings = settings;
        _clock = clock;
        _steps = steps;
    }

    /// <summary>Scans, compares and (with <paramref name="fix"/>) corrects the days in <paramref name="days"/>, scanning in <paramref name="segments"/> parallel segments.</summary>
    /// <exception cref="ReconciliationRequestException">A fix is asked for a day that has not ended in the report time zone.</exception>
    /// <remarks>A day whose items cannot be read is reported with its <see cref="DayReconciliation.Error"/> and never fixed.</remarks>
    public async Task<ReconciliationResult> RunAsync(DateInterval days, int segments, bool fix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var zone = _settings.Aggregator.ReportTimeZone;
        var today = ReportCalendar.Today(_clock, zone);
        if (fix && days.End >= today)
        {
            throw ReconciliationRequestException.DayNotEnded(days.End, today, zone);
        }

        var ledgers = new DynamoDayLedgerReader(_dynamo, _settings.Aggregator.AggregatesTable, zone);
        var settled = await ScanUntilSettledAsync(ledgers, days, segments, cancellationToken).ConfigureAwait(false);

        var checks = new List<DayReconciliation>();
        var fixedDays = new List<DayReconciliation>();
        var refused = new List<RefusedDay>(settled.Refused);
        var corrections = new ConditionalCorrection(_dynamo, _settings.Aggregator.AggregatesTable, zone, _clock);
        foreach (var day in days)
        {
            if (!settled.Days.TryGetValue(day, out var read))
            {
                continue;
            }

            var check = read.Check;
            if (!fix || check.Matches || check.Error is not null)
            {
                checks.Add(check);
                continue;
            }

            await _steps.CorrectingAsync(day, cancellationToken).ConfigureAwait(false);
            var outcome = await CorrectAsync(ledgers, corrections, read, cancellationToken).ConfigureAwait(false);
            if (outcome is RefusedDay refusal)
            {
                refused.Add(refusal);
                continue;
            }

            // Written, and no shard item changed from the ledger read to after the write: the totals now equal the ground truth.
            var corrected = check with { Ledger = check.Ledger with { Correction = check.Correction } };
            checks.Add(corrected);
            fixedDays.Add(corrected);
        }

        return new ReconciliationResult(settled.Tally, checks, fixedDays)
        {
            Refused = refused.OrderBy(r => r.Date).ToArray(),
            Scans = settled.Scans,
        };
    }

    /// <summary>
    /// Scans until every day's ledger stood still during a scan (its fingerprint the same before and after it), rescanning
    /// only for the days that moved, at most <see cref="MaxScans"/> times; the days that moved every time are refused.
    /// </summary>
    private async Task<SettledScan> ScanUntilSettledAsync(
        DynamoDayLedgerReader ledgers, DateInterval days, int segments, CancellationToken cancellationToken)
    {
        var zone = _settings.Aggregator.ReportTimeZone;
        var scan = new RewardsTableScan(_dynamo, _settings.RewardsTable, _settings.Aggregator.Schema);
        var settled = new Dictionary<LocalDate, SettledDay>();
        var pending = days.ToList();
        GroundTruthTally? first = null;
        var scans = 0;
        while (pending.Count > 0 && scans < MaxScans)
        {
            scans++;
            var before = new Dictionary<LocalDate, DayLedgerFingerprint>();
            foreach (var day in pending)
            {
                before[day] = await DayLedgerFingerprint.ReadAsync(ledgers, day, cancellationToken).ConfigureAwait(false);
            }

            var tally = await scan.ScanAsync(zone, new DateInterval(pending[0], pending[^1]), segments, cancellationToken).ConfigureAwait(false);
            first ??= tally;
            await _steps.ScannedAsync(scans, cancellationToken).ConfigureAwait(false);
            var moved = new List<LocalDate>();
            foreach (var day in pending)
            {
                DayReconciliation check;
                try
                {
                    check = new DayReconciliation(day, tally.For(day), await ledgers.ReadDayAsync(day, cancellationToken).ConfigureAwait(false));
                }
                catch (UnreadableDayException ex)
                {
                    // One unreadable day is an error for that day; the others are still compared (and fixed).
                    settled[day] = new SettledDay(DayReconciliation.Unreadable(day, tally.For(day), ex), before[day]);
                    continue;
                }

                // The ledger was read between the two fingerprints: when they are equal it is the ledger of the whole scan.
                var after = await DayLedgerFingerprint.ReadAsync(ledgers, day, cancellationToken).ConfigureAwait(false);
                if (after.SameLedger(before[day]))
                {
                    settled[day] = new SettledDay(check, after);
                }
                else
                {
                    moved.Add(day);
                }
            }

            pending = moved;
        }

        var refused = pending.Select(day => new RefusedDay(day,
            $"the stream applied records to the day during each of {MaxScans} scans, so no scan can be matched to its ledger")).ToArray();
        return new SettledScan(first!, scans, settled, refused);
    }

    /// <summary>Writes the day's correction against the ledger read; puts the previous one back and refuses the day when the stream moved it meanwhile.</summary>
    private static async Task<RefusedDay?> CorrectAsync(
        DynamoDayLedgerReader ledgers, ConditionalCorrection corrections, SettledDay read, CancellationToken cancellationToken)
    {
        var day = read.Check.Date;
        var previous = read.Fingerprint.CorrectionItem;
        var (replaced, written) = await corrections.TryReplaceAsync(day, read.Check.Correction, previous, cancellationToken).ConfigureAwait(false);
        if (!replaced)
        {
            return new RefusedDay(day, "its CORRECTION item changed after it was read (another reconcile or backfill of the day?); nothing was written");
        }

        var now = await DayLedgerFingerprint.ReadAsync(ledgers, day, cancellationToken).ConfigureAwait(false);
        if (now.SameShards(read.Fingerprint))
        {
            return null;
        }

        var restored = await corrections.TryRestoreAsync(day, previous, written, cancellationToken).ConfigureAwait(false);
        return new RefusedDay(day, restored
            ? "the stream applied records to the day between its ledger read and its correction; the previous correction is back"
            : "the stream applied records to the day between its ledger read and its correction, and the CORRECTION item changed again before " +
              "the previous one could be put back: reconcile the day again");
    }

    /// <summary>A day whose ledger stood still during a scan: its comparison and the fingerprint read after the scan.</summary>
    private sealed record SettledDay(DayReconciliation Check, DayLedgerFingerprint Fingerprint);

    /// <summary>The scans' outcome: the first scan's tally, how many scans, the days that settled and those refused.</summary>
    private sealed record SettledScan(GroundTruthTally Tally, int Scans, Dictionary<LocalDate, SettledDay> Days, IReadOnlyList<RefusedDay> Refused);
}
