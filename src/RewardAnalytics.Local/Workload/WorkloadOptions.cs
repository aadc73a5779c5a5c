using NodaTime;

namespace RewardAnalytics.Local.Workload;

/// <summary>The size and shape of a generated workload; the same options (seed included) give the same writes.</summary>
public sealed record WorkloadOptions
{
    /// <summary>Reward writes when none is configured.</summary>
    public const int DefaultRewards = 20_000;
    /// <summary>Days of traffic when none is configured.</summary>
    public const int DefaultDays = 7;
    /// <summary>
    /// The most reward writes a workload may have: the demo and <c>generate</c> hold the whole workload in memory (the
    /// plan, the simulated table, the stream; the demo its ground truth too), about 5–6 KB a reward
    /// (benchmarks/peak-memory.sh), so about 3 GB at this bound.
    /// </summary>
    public const int MaxRewards = 500_000;

    /// <summary>Seed when none is configured.</summary>
    public const long DefaultSeed = 42;

    /// <summary>Reward writes in all (issues, redemptions, corrections, deletions, expiries, late and malformed writes).</summary>
    public int Rewards { get; init; } = DefaultRewards;

    /// <summary>Days of traffic, from <see cref="FirstDay"/>.</summary>
    public int Days { get; init; } = DefaultDays;

    /// <summary>The first day, in the report time zone. A fixed date, so a seed means the same workload on any day.</summary>
    public LocalDate FirstDay { get; init; } = new(2025, 3, 3);

    /// <summary>The report time zone whose calendar days the writes are spread over.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>The generator's seed: same seed, same writes.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Share of the writes made after the last day for days already finalized.</summary>
    public double LateShare { get; init; } = 0.02;

    /// <summary>How many malformed items the workload writes (at least 4, one per 2,500 rewards).</summary>
    public int MalformedCount => Math.Max(4, Rewards / 2_500);

    /// <summary>The calendar days of traffic, <see cref="FirstDay"/> first.</summary>
    public IEnumerable<LocalDate> DaysCovered => Enumerable.Range(0, Days).Select(FirstDay.PlusDays);

    /// <summary>Checks the options are usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (Rewards is < 10 or > MaxRewards)
        {
            throw new ArgumentOutOfRangeException(nameof(Rewards), Rewards, FormattableString.Invariant($"expected 10 to {MaxRewards} reward writes"));
        }

        if (Days is < 1 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "expected 1 to 366 days");
        }
    }
}
