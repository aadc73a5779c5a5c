using System.Globalization;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>What a run of many schedules covered, summed thread-safely: the figures the suite prints.</summary>
internal sealed class ScheduleTally
{
    private long _schedules, _records, _mismatches, _duplicates, _crashesAfterWrite, _crashesMidBatch, _throttles;
    private long _bisections, _partialRetries, _functionErrors, _emptyFinalInvokes, _childShards, _poison;
    private long _reversedBisections, _staleRedeliveries, _outOfOrderSchedules, _outOfOrderMismatches, _beyondHistory;
    private long _maximumDepthUpperFirst, _maximumDepthLowerFirst, _maximumDepthRecords, _deepestBisection;

    public long Schedules => Interlocked.Read(ref _schedules);
    public long Records => Interlocked.Read(ref _records);
    public long Mismatches => Interlocked.Read(ref _mismatches);

    public void Add(ScheduleOutcome outcome)
    {
        Interlocked.Increment(ref _schedules);
        Interlocked.Add(ref _records, outcome.Records);
        if (!outcome.Matches)
        {
            Interlocked.Increment(ref _mismatches);
        }

        var c = outcome.Counters;
        Interlocked.Add(ref _duplicates, c.DuplicateDeliveries);
        Interlocked.Add(ref _crashesAfterWrite, c.CrashesBeforeResponse);
        Interlocked.Add(ref _crashesMidBatch, c.CrashesMidBatch);
        Interlocked.Add(ref _throttles, c.Throttles);
        Interlocked.Add(ref _bisections, c.Bisections);
        Interlocked.Add(ref _partialRetries, c.PartialBatchRetries);
        Interlocked.Add(ref _functionErrors, c.FunctionErrors);
        Interlocked.Add(ref _emptyFinalInvokes, c.EmptyFinalInvokes);
        Interlocked.Add(ref _childShards, outcome.ChildShards);
        Interlocked.Add(ref _poison, outcome.PoisonRecords);
        Interlocked.Add(ref _reversedBisections, c.ReversedBisections);
        Interlocked.Add(ref _staleRedeliveries, c.StaleRedeliveries);
        Interlocked.Add(ref _beyondHistory, outcome.EntriesBeyondHistory);
        Interlocked.Add(ref _maximumDepthUpperFirst, c.MaximumDepthBisectionsUpperFirst);
        Interlocked.Add(ref _maximumDepthLowerFirst, c.MaximumDepthBisectionsLowerFirst);
        if (c.MaximumDepthBisectionsUpperFirst + c.MaximumDepthBisectionsLowerFirst > 0)
        {
            Interlocked.Add(ref _maximumDepthRecords, outcome.Records);
        }

        long seen;
        while ((seen = Interlocked.Read(ref _deepestBisection)) < c.DeepestBisection
               && Interlocked.CompareExchange(ref _deepestBisection, c.DeepestBisection, seen) != seen)
        {
        }

        if (c.ReversedBisections + c.StaleRedeliveries > 0)
        {
            Interlocked.Increment(ref _outOfOrderSchedules);
            if (!outcome.Matches)
            {
                Interlocked.Increment(ref _outOfOrderMismatches);
            }
        }
    }

    /// <summary>How often each kind of schedule event happened, by name (every one must be above 0 in a default run).</summary>
    public IReadOnlyDictionary<string, long> Coverage => new Dictionary<string, long>
    {
        ["duplicate_deliveries"] = Interlocked.Read(ref _duplicates),
        ["crashes_after_write"] = Interlocked.Read(ref _crashesAfterWrite),
        ["killed_mid_batch"] = Interlocked.Read(ref _crashesMidBatch),
        ["throttled_day_writes"] = Interlocked.Read(ref _throttles),
        ["full_batch_retries"] = Interlocked.Read(ref _functionErrors),
        ["bisections"] = Interlocked.Read(ref _bisections),
        ["partial_batch_retries"] = Interlocked.Read(ref _partialRetries),
        ["empty_final_invokes"] = Interlocked.Read(ref _emptyFinalInvokes),
        ["shard_rollovers"] = Interlocked.Read(ref _childShards),
        ["poison_records"] = Interlocked.Read(ref _poison),
        ["reversed_bisections"] = Interlocked.Read(ref _reversedBisections),
        ["stale_redeliveries"] = Interlocked.Read(ref _staleRedeliveries),
        ["out_of_order_schedules"] = Interlocked.Read(ref _outOfOrderSchedules),
        ["max_depth_bisections_upper_first"] = Interlocked.Read(ref _maximumDepthUpperFirst),
        ["max_depth_bisections_lower_first"] = Interlocked.Read(ref _maximumDepthLowerFirst),
    };

    /// <summary>The most levels one batch was bisected through in any schedule.</summary>
    public long DeepestBisection => Interlocked.Read(ref _deepestBisection);

    /// <summary>Schedules with reversed halves or stale redeliveries, and how many of them mismatched.</summary>
    public string OutOfOrderLine => string.Create(CultureInfo.InvariantCulture,
        $"out_of_order schedules={Interlocked.Read(ref _outOfOrderSchedules)} reversed_bisections={Interlocked.Read(ref _reversedBisections)} " +
        $"stale_redeliveries={Interlocked.Read(ref _staleRedeliveries)} entries_beyond_history={EntriesBeyondHistory} mismatches={Interlocked.Read(ref _outOfOrderMismatches)} " +
        $"max_depth_bisections={Interlocked.Read(ref _maximumDepthUpperFirst) + Interlocked.Read(ref _maximumDepthLowerFirst)} " +
        $"upper_first={Interlocked.Read(ref _maximumDepthUpperFirst)} lower_first={Interlocked.Read(ref _maximumDepthLowerFirst)} " +
        $"depth={DeepestBisection} max_depth_records={Interlocked.Read(ref _maximumDepthRecords)}");

    /// <summary>Redelivered entries older than their item's applied history (assumed applied): logged and alarmed in production.</summary>
    public long EntriesBeyondHistory => Interlocked.Read(ref _beyondHistory);

    public string CoverageLine => string.Join(' ', Coverage.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));
}
