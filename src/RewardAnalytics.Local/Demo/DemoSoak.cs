using System.Diagnostics;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Local.Demo;

/// <summary>
/// <c>demo --soak MINUTES</c>: runs the demo round after round on one local world until the time is up (at least one
/// round), each round a new seed, so new writes, new faults and new poison records, streamed, finalized and verified
/// against a full scan. Reports every round with the running mismatch count, which must stay 0.
/// </summary>
public sealed class DemoSoak
{
    private readonly LocalAwsWorld _world;
    private readonly DemoOptions _options;
    private readonly TimeSpan _duration;
    private readonly AggregatesTableFactory _aggregates;

    /// <summary>What <c>demo --soak</c> runs on <paramref name="world"/> for <paramref name="duration"/>, each round run with <paramref name="options"/> and a new seed.</summary>
    public DemoSoak(LocalAwsWorld world, DemoOptions options, TimeSpan duration)
        : this(world, options, duration, DemoRun.DeployedWriter)
    {
    }

    /// <summary>The composition: the same soak, each round's aggregator writing through the table <paramref name="aggregates"/> builds.</summary>
    public DemoSoak(LocalAwsWorld world, DemoOptions options, TimeSpan duration, AggregatesTableFactory aggregates)
    {
        _world = world;
        _options = options;
        _duration = duration;
        _aggregates = aggregates;
    }

    /// <summary>Raised after each round is verified.</summary>
    public event Action<SoakRound>? RoundDone;

    /// <summary>Runs rounds until the time is up (at least one) and sums them.</summary>
    public async Task<SoakSummary> RunAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var rounds = 0;
        long records = 0, mismatches = 0, invocations = 0, duplicatesAbsorbed = 0, finalizerRuns = 0;
        do
        {
            var seed = _options.Workload.Seed + rounds;
            rounds++;
            var options = _options with { Workload = _options.Workload with { Seed = seed } };
            var result = await new DemoRun(_world, options, _aggregates).RunAsync(cancellationToken).ConfigureAwait(false);
            var found = result.Days.Count(d => !d.Matches) + result.Checks.Count(c => !c.Passed);
            mismatches += found;
            records += result.Figures.RecordsStreamed;
            invocations += result.Figures.Invocations;
            duplicatesAbsorbed += result.Figures.DuplicatesAbsorbed;
            finalizerRuns += result.Figures.FinalizerRuns;
            RoundDone?.Invoke(new SoakRound(rounds, seed, result, found, mismatches, elapsed.Elapsed));
        }
        while (elapsed.Elapsed < _duration && !cancellationToken.IsCancellationRequested);

        return new SoakSummary(rounds, records, invocations, duplicatesAbsorbed, finalizerRuns, mismatches, elapsed.Elapsed);
    }
}
