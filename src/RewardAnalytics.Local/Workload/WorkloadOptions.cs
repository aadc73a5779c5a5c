using NodaTime;

namespace RewardAnalytics.Local.Workload;

/// <summary>The size and shape of a generated workload; the same options (seed included) give the same writes.</summary>
public sealed record WorkloadOptions
{
    public const int DefaultRewards = 20_000;
    public const int DefaultDays = 7;
    public const long DefaultSeed = 42;

    /// <summary>Reward writes in all (issues, redemptions, corrections, deletions, expiries, late and malformed writes).</summary>
    public int Rewards { get; init; } = DefaultRewards;

    public int Days { get; init; } = DefaultDays;

    /// <summary>The first day, in the report time zone. A fixed date, so a seed means the same workload on any day.</summary>
    public LocalDate FirstDay { get; init; } = new(2025, 3, 3);

    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Share of the writes made after the last day for days already finalized.</summary>
    public double LateShare { get; init; } = 0.02;

    public int MalformedCount => Math.Max(4, Rewards / 2_500);

    public IEnumerable<LocalDate> DaysCovered => Enumerable.Range(0, Days).Select(FirstDay.PlusDays);

    public void Validate()
    {
        if (Rewards is < 10 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Rewards), Rewards, "expected 10 to 10000000 reward writes");
        }

        if (Days is < 1 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "expected 1 to 366 days");
        }
    }
}
