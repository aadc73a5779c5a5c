using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using NodaTime;
using RewardAnalytics.Core;
using RewardAnalytics.Core.Aggregation;
using RewardAnalytics.Core.Reporting;
using RewardAnalytics.Core.Stream;
using RewardAnalytics.Local.Stream;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Verification;
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
    private readonly IAggregatesTable _aggregates;
    private readonly RewardImageSchema _schema;
    private readonly DateTimeZone _zone;
    private readonly IDayFinalizer? _finalizer;

    public DemoVerifier(IAmazonDynamoDB dynamo, string rewardsTable, IAggregatesTable aggregates, RewardImageSchema schema, DateTimeZone zone, IDayFinalizer? finalizer)
    {
        _dynamo = dynamo;
        _rewardsTable = rewardsTable;
        _aggregates = aggregates;
        _schema = schema;
        _zone = zone;
        _finalizer = finalizer;
    }

    public async Task<(IReadOnlyList<DayCheck> Days, IReadOnlyList<DemoCheck> Checks)> VerifyAsync(
        WorkloadOptions workload, RecordingRewardsTable table, LocalStream stream, SkippedRecordLog log, StreamDriver driver,
        FinalizationTracker finalizing, IReadOnlyDictionary<LocalDate, int> late, CancellationToken ct)
    {
        var checks = new List<DemoCheck>();
        var scan = await RewardsTableScan.ReadAllAsync(_dynamo, _rewardsTable, 4, ct).ConfigureAwait(false);
        var expired = table.ExpiredItems;
        var truth = GroundTruth.FromItems(scan.Concat(expired), _schema, _zone);
        checks.Add(ScanAgreesWithWrites(scan, table.CurrentItems, expired.Count));

        var days = new List<DayCheck>();
        foreach (var day in workload.DaysCovered.Union(truth.Days.Keys).Order())
        {
            days.Add(await CheckDayAsync(day, truth.For(day), finalizing, late.GetValueOrDefault(day), ct).ConfigureAwait(false));
        }

        checks.Add(SkipsAreTheUnreadableRecords(stream, log));
        checks.Add(new DemoCheck(
            "no record was given up on",
            driver.Counters.RecordsSentToOnFailureDestination == 0,
            $"{driver.Counters.RecordsSentToOnFailureDestination} records sent to the on-failure destination"));
        if (_finalizer is not null)
        {
            checks.Add(new DemoCheck(
                "every finalizer run did what was expected",
                finalizing.Problems.Count == 0,
                finalizing.Problems.Count == 0
                    ? $"{finalizing.Runs} runs: actions, revisions and totals as expected"
                    : $"{finalizing.Problems.Count} differences, first: {string.Join(" | ", finalizing.Problems.Take(3))}"));
            var revisedWithoutLateData = days.Where(d => d.Revision > 1 && d.LateRecords == 0).Select(d => AggregateKeys.FormatDate(d.Date)).ToArray();
            var revised = days.Where(d => d.Revision > 1).Select(d => $"{AggregateKeys.FormatDate(d.Date)} r{d.Revision}").ToArray();
            checks.Add(new DemoCheck(
                "revisions are where the late data went",
                revisedWithoutLateData.Length == 0,
                revisedWithoutLateData.Length == 0
                    ? $"revised: {(revised.Length == 0 ? "none" : string.Join(", ", revised))}; each had late records"
                    : $"revised without late records: {string.Join(", ", revisedWithoutLateData)}"));
        }

        return (days, checks);
    }

    private async Task<DayCheck> CheckDayAsync(LocalDate day, DailyTotals truth, FinalizationTracker finalizing, int lateRecords, CancellationToken ct)
    {
        var running = await _aggregates.ReadRunningTotalsAsync(day, ct).ConfigureAwait(false);
        if (_finalizer is null)
        {
            return new DayCheck(day, truth, running, null, false, null, 0, lateRecords, running == truth);
        }

        var body = await _finalizer.ReadReportAsync(day, ct).ConfigureAwait(false);
        var bytesMatch = body is not null && string.Equals(body, new DailyReport(day, truth).ToJson(), StringComparison.Ordinal);
        var revision = finalizing.Revisions.TryGetValue(day, out var r) ? r : (int?)null;
        var expected = finalizing.Model.RevisionOf(day);
        return new DayCheck(day, truth, running, body is null ? null : ReadReport(body), bytesMatch, revision, expected, lateRecords,
            running == truth && bytesMatch && revision == expected);
    }

    private static DemoCheck ScanAgreesWithWrites(
        IReadOnlyList<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> scan,
        IReadOnlyList<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> mirror,
        int expired)
    {
        var byKey = mirror.ToDictionary(i => i["rewardId"].S, StringComparer.Ordinal);
        var differing = scan.Count(i => !byKey.TryGetValue(i["rewardId"].S, out var seen) || !NumbersNormalizedEqual(i, seen));
        return new DemoCheck(
            "the full scan holds what the stream recorded",
            differing == 0 && scan.Count == mirror.Count,
            string.Create(CultureInfo.InvariantCulture, $"{scan.Count} items scanned, {mirror.Count} expected, {differing} differing; {expired} TTL-expired items kept as history"));
    }

    // dynalite, like DynamoDB, may store a number in its canonical form (12.50 → 12.5).
    private static bool NumbersNormalizedEqual(
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> a, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && (kv.Value.N is { } n && other.N is { } m
            ? decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? x == y : n == m
            : AttributeValues.ValuesEqual(kv.Value, other)));

    private DemoCheck SkipsAreTheUnreadableRecords(LocalStream stream, SkippedRecordLog log)
    {
        var unreadable = stream.Records
            .Where(r => r.EventName != StreamRecord.Remove && r.NewImage is not null && !RewardItems.Evaluate(r.NewImage, _schema).IsValid)
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

    private static DailyTotals ReadReport(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new DailyTotals(
            root.GetProperty("total_issued").GetDecimal(),
            root.GetProperty("total_redeemed").GetDecimal(),
            root.GetProperty("issued_count").GetInt64(),
            root.GetProperty("redeemed_count").GetInt64());
    }
}
