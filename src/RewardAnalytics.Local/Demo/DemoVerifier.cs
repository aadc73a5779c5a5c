using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Aws;
using RewardAnalytics.Aws.Aggregates;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.Local.Lambda;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// The demo's verdict, from sources independent of the stream path: a full scan of the rewards table (plus TTL
/// history) is the ground truth every day's running totals and every S3 report must equal byte for byte; the
/// records the aggregator logged as skipped must be exactly the stream records whose new image cannot be read.
/// </summary>
internal sealed class DemoVerifier
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _rewardsTable;
    private readonly DynamoDayLedgerReader _ledgers;
    private readonly RewardImageSchema _schema;
    private readonly DateTimeZone _zone;
    private readonly IDayFinalizer _finalizer;

    public DemoVerifier(IAmazonDynamoDB dynamo, string rewardsTable, DynamoDayLedgerReader ledgers, RewardImageSchema schema, DateTimeZone zone, IDayFinalizer finalizer)
    {
        _dynamo = dynamo;
        _rewardsTable = rewardsTable;
        _ledgers = ledgers;
        _schema = schema;
        _zone = zone;
        _finalizer = finalizer;
    }

    public async Task<(IReadOnlyList<DayCheck> Days, IReadOnlyList<DemoCheck> Checks)> VerifyAsync(
        WorkloadOptions workload, RecordingRewardsTable table, LocalStream stream, SkippedRecordLog log, StreamDriver driver,
        FinalizationTracker finalizing, IReadOnlyDictionary<LocalDate, int> late, string finalizerLogStream, CancellationToken ct)
    {
        var checks = new List<DemoCheck>();
        var interval = new DateInterval(workload.FirstDay.PlusDays(-_finalizer.RecheckDays), workload.FirstDay.PlusDays(workload.Days - 1));
        var scanned = await new RewardsTableScan(_dynamo, _rewardsTable, _schema).ScanAsync(_zone, interval, RewardsTableScan.DefaultSegments, ct).ConfigureAwait(false);
        var recorded = new GroundTruthTally(_zone, interval).Tally(table.CurrentItems, _schema);
        checks.Add(ScanAgreesWithWrites(scanned, recorded, interval, table.ExpiredItems.Count));
        var truth = scanned.Tally(table.ExpiredItems, _schema); // TTL removals are history the totals keep

        var days = new List<DayCheck>();
        foreach (var day in interval.Where(d => d >= workload.FirstDay || !truth.For(d).IsZero))
        {
            days.Add(await CheckDayAsync(day, truth.For(day), finalizing, late.GetValueOrDefault(day), ct).ConfigureAwait(false));
        }

        checks.Add(SkipsAreTheUnreadableRecords(stream, log));
        checks.Add(new DemoCheck(
            "no record was given up on",
            driver.Counters.RecordsSentToOnFailureDestination == 0,
            $"{driver.Counters.RecordsSentToOnFailureDestination} records sent to the on-failure destination"));
        checks.Add(new DemoCheck(
            "every finalizer run did what was expected",
            finalizing.Problems.Count == 0,
            finalizing.Problems.Count == 0
                ? $"{finalizing.Runs} runs: actions, revisions and totals as expected"
                : $"{finalizing.Problems.Count} differences, first: {string.Join(" | ", finalizing.Problems.Take(3))}"));
        checks.Add(MetricsEqualReports(days, finalizing, finalizerLogStream));
        var revisedWithoutLateData = days.Where(d => d.Revision > 1 && d.LateRecords == 0).Select(d => IsoDate.Format(d.Date)).ToArray();
        var revised = days.Where(d => d.Revision > 1).Select(d => $"{IsoDate.Format(d.Date)} r{d.Revision}").ToArray();
        checks.Add(new DemoCheck(
            "revisions are where the late data went",
            revisedWithoutLateData.Length == 0,
            revisedWithoutLateData.Length == 0
                ? RevisionsDetail(revised)
                : $"revised without late records: {string.Join(", ", revisedWithoutLateData)}"));

        return (days, checks);
    }

    /// <summary>The revision check's detail when every revised day had late records: which were revised, or that none was.</summary>
    public static string RevisionsDetail(IReadOnlyList<string> revised) =>
        revised.Count == 0 ? "no day was revised" : $"revised: {string.Join(", ", revised)}; each had late records";

    private async Task<DayCheck> CheckDayAsync(LocalDate day, DailyTotals truth, FinalizationTracker finalizing, int lateRecords, CancellationToken ct)
    {
        var running = await _ledgers.ReadRunningTotalsAsync(day, ct).ConfigureAwait(false);
        var body = await _finalizer.ReadReportAsync(day, ct).ConfigureAwait(false);
        var bytesMatch = body is not null && body.AsSpan().SequenceEqual(new DailyReport(day, truth).ToUtf8());
        var revision = finalizing.Revisions.TryGetValue(day, out var r) ? r : (int?)null;
        var expected = finalizing.Model.RevisionOf(day);
        return new DayCheck(day, truth, running, body is null ? null : ReadReport(body), bytesMatch, revision, expected, lateRecords,
            running == truth && bytesMatch && revision == expected);
    }

    /// <summary>
    /// The finalizer's log stream read as CloudWatch reads it (EMF extracted only from root-level JSON log events): for
    /// every finalized day the Sum of each daily metric over the day equals its report, except where a revision came when
    /// the day was older than CloudWatch accepts (14 days): such a revision publishes no metrics, so the day's Sums equal
    /// what the revisions before it published (<see cref="FinalizationTracker.ExpectedMetricSums"/>).
    /// </summary>
    private DemoCheck MetricsEqualReports(IReadOnlyList<DayCheck> days, FinalizationTracker finalizing, string logStream)
    {
        var metrics = EmfMetricExtractor.Extract(logStream).Where(m => m.Namespace == Core.Metrics.EmfWriter.Namespace).ToArray();
        (string Name, Func<DailyTotals, decimal> Value)[] expected =
        [
            (Core.Finalization.EmfDayMetrics.TotalIssuedRewards, t => t.TotalIssued),
            (Core.Finalization.EmfDayMetrics.TotalRedeemedRewards, t => t.TotalRedeemed),
            (Core.Finalization.EmfDayMetrics.NetRewards, t => t.NetRewards),
        ];
        var sums = expected.ToDictionary(e => e.Name, e => EmfMetricExtractor.DailySums(metrics, e.Name, _zone), StringComparer.Ordinal);
        var finalized = days.Where(d => d.Report is not null).ToArray();
        var withheld = finalized.Where(d => finalizing.RevisionsTooOldForMetrics.ContainsKey(d.Date)).ToArray();
        var differing = finalized
            .SelectMany(d =>
            {
                var tooOld = finalizing.RevisionsTooOldForMetrics.ContainsKey(d.Date);
                var want = tooOld ? finalizing.ExpectedMetricSums.GetValueOrDefault(d.Date) : d.Report!.Value;
                var against = tooOld ? "expected without the revisions too old for CloudWatch" : "report";
                return expected
                    .Where(e => sums[e.Name].GetValueOrDefault(d.Date) != e.Value(want))
                    .Select(e => $"{IsoDate.Format(d.Date)} {e.Name} {sums[e.Name].GetValueOrDefault(d.Date).ToString(CultureInfo.InvariantCulture)} vs {against} {e.Value(want).ToString(CultureInfo.InvariantCulture)}");
            })
            .ToArray();
        var agreeing = $"{finalized.Length - withheld.Length} days' Sums equal their reports";
        if (withheld.Length > 0)
        {
            var revisions = withheld.Sum(d => finalizing.RevisionsTooOldForMetrics[d.Date]);
            agreeing += string.Create(CultureInfo.InvariantCulture,
                $"; {withheld.Length} days' Sums leave out {revisions} revisions made when the day was past CloudWatch's 14 days, which publish no metrics");
        }

        return new DemoCheck(
            "CloudWatch would extract metrics equal to the reports",
            finalized.Length > 0 && differing.Length == 0,
            differing.Length == 0
                ? $"{metrics.Length} datapoints extracted from the finalizer's log by EMF rules; {agreeing}"
                : $"{differing.Length} differences, first: {string.Join(" | ", differing.Take(3))}");
    }

    private static DemoCheck ScanAgreesWithWrites(GroundTruthTally scanned, GroundTruthTally recorded, DateInterval days, int expired)
    {
        var differing = days.Count(d => scanned.For(d) != recorded.For(d));
        var sameUnreadable = scanned.Unreadable.Count == recorded.Unreadable.Count
            && scanned.Unreadable.All(kv => recorded.Unreadable.GetValueOrDefault(kv.Key) == kv.Value);
        return new DemoCheck(
            "the full scan holds what the stream recorded",
            differing == 0 && sameUnreadable && scanned.ItemsRead == recorded.ItemsRead,
            string.Create(CultureInfo.InvariantCulture,
                $"{scanned.ItemsRead} items scanned, {recorded.ItemsRead} expected, {differing} days differing; {expired} TTL-expired items kept as history"));
    }

    private DemoCheck SkipsAreTheUnreadableRecords(LocalStream stream, SkippedRecordLog log)
    {
        var unreadable = stream.Records
            .Where(r => RecordFold.ToChange(r, _schema).SkipReason != SkipReason.None)
            .ToArray();
        var expected = unreadable.Select(r => r.SequenceNumber).ToHashSet(StringComparer.Ordinal);
        var logged = log.Skips.Select(s => s.SequenceNumber).ToHashSet(StringComparer.Ordinal);
        var poison = unreadable.Count(r => r.Keys["rewardId"].S.StartsWith("poison-", StringComparison.Ordinal));
        var missing = expected.Except(logged).Count();
        var extra = logged.Except(expected).Count();
        return new DemoCheck(
            "the malformed items are the ones reported as skipped",
            missing == 0 && extra == 0,
            $"{logged.Count} records skipped ({unreadable.Length - poison} malformed items, {poison} poison records); {missing} unreadable not reported, {extra} reported but readable");
    }

    private static DailyTotals ReadReport(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return TotalsJson.Read(json.RootElement);
    }
}
