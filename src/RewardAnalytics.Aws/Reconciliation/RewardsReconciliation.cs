using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Finalization;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Settings;

namespace RewardAnalytics.Aws.Reconciliation;

/// <summary>
/// The documented recovery path: a full, consistent, parallel scan of the rewards table counted with the stream's
/// rules, compared day by day with the running totals (plus the TTL-expired tally); with a fix, each differing day gets
/// the <c>CORRECTION</c> item that makes it equal, then every day is compared again. A fix is refused for today or later
/// in the report time zone: the stream is still writing those days.
/// </summary>
public sealed class RewardsReconciliation
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _rewardsTable;
    private readonly AggregatorSettings _settings;
    private readonly TimeProvider _clock;

    /// <summary>Reconciliation of the rewards table <paramref name="rewardsTable"/> against the aggregates table named in <paramref name="settings"/>; <paramref name="clock"/> decides what "today" is.</summary>
    public RewardsReconciliation(IAmazonDynamoDB dynamo, string rewardsTable, AggregatorSettings settings, TimeProvider clock)
    {
        _dynamo = dynamo;
        _rewardsTable = rewardsTable;
        _settings = settings;
        _clock = clock;
    }

    /// <summary>Scans, compares and (with <paramref name="fix"/>) corrects the days in <paramref name="days"/>, scanning in <paramref name="segments"/> parallel segments.</summary>
    /// <exception cref="ReconciliationRequestException">A fix is asked for a day that has not ended in the report time zone.</exception>
    /// <remarks>A day whose items cannot be read is reported with its <see cref="DayReconciliation.Error"/> and never fixed.</remarks>
    public async Task<ReconciliationResult> RunAsync(DateInterval days, int segments, bool fix, CancellationToken cancellationToken)
    {
        var zone = _settings.ReportTimeZone;
        var today = FinalizationCalendar.Today(Instant.FromDateTimeOffset(_clock.GetUtcNow()), zone);
        if (fix && days.End >= today)
        {
            throw new ReconciliationRequestException(
                $"--fix is refused for {IsoDate.Format(days.End)}: today in {zone.Id} is {IsoDate.Format(today)} and " +
                "a day that has not ended is still being written by the stream; fix up to yesterday");
        }

        var tally = await new RewardsTableScan(_dynamo, _rewardsTable, _settings.Schema)
            .ScanAsync(zone, days, segments, cancellationToken).ConfigureAwait(false);
        var table = new DynamoFinalizationTable(_dynamo, _settings.AggregatesTable, zone, _clock);
        var checks = await CompareAsync(table, tally, days, cancellationToken).ConfigureAwait(false);
        var fixedDays = new List<DayReconciliation>();
        if (fix)
        {
            foreach (var day in checks.Where(c => !c.Matches && c.Error is null))
            {
                await table.ReplaceCorrectionAsync(day.Date, day.Correction, cancellationToken).ConfigureAwait(false);
                fixedDays.Add(day);
            }

            if (fixedDays.Count > 0)
            {
                checks = await CompareAsync(table, tally, days, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ReconciliationResult(tally, checks, fixedDays);
    }

    private static async Task<IReadOnlyList<DayReconciliation>> CompareAsync(
        DynamoFinalizationTable table, GroundTruthTally tally, DateInterval days, CancellationToken cancellationToken)
    {
        var checks = new List<DayReconciliation>();
        foreach (var day in days)
        {
            try
            {
                checks.Add(new DayReconciliation(day, tally.For(day), await table.ReadDayAsync(day, cancellationToken).ConfigureAwait(false)));
            }
            catch (UnreadableDayException ex)
            {
                // One unreadable day is an error for that day; the others are still compared (and fixed).
                checks.Add(DayReconciliation.Unreadable(day, tally.For(day), ex));
            }
        }

        return checks;
    }
}
