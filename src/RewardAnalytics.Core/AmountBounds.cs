namespace RewardAnalytics.Core;

/// <summary>
/// The bounds that keep every day's sums exact. A reward amount counts only below <see cref="AmountLimit"/> with at
/// most <see cref="MaxScale"/> decimal places (beyond them the record is skipped as <c>amount_out_of_range</c> /
/// <c>amount_too_precise</c>). Each stream record then moves each of a day's sums by less than 10^12, so with up to
/// <see cref="MaxRecordsPerDay"/> records touching a day every partial sum (a shard item, a correction, the running
/// total) stays below 10^21, inside <see cref="DaySumLimit"/>: at most 22 integer and 6 decimal digits, 28 significant
/// digits in all. A <see cref="decimal"/> holds 28 digits exactly (its 96-bit mantissa reaches 7.9 × 10^28, so even the
/// sum of two in-bound values is exact), and DynamoDB's numbers hold 38. A stored sum outside these bounds was not
/// written by this service's rules: the day is unreadable (<see cref="UnreadableDayException"/>), never rounded.
/// </summary>
public static class AmountBounds
{
    /// <summary>The most decimal places a counted amount may have (e.g. <c>0.000001</c>).</summary>
    public const int MaxScale = 6;

    /// <summary>Counted amounts are below this: at most <c>999999999999.999999</c> (12 integer digits).</summary>
    public const decimal AmountLimit = 1_000_000_000_000m;

    /// <summary>The most stream records touching one day that the bounds are computed for (about 11,600 a second all day).</summary>
    public const long MaxRecordsPerDay = 1_000_000_000;

    /// <summary>Every stored or computed day sum is below this in magnitude: 10^22, ten times what <see cref="MaxRecordsPerDay"/> records can reach.</summary>
    public const decimal DaySumLimit = 10_000_000_000_000_000_000_000m;

    /// <summary>True when <paramref name="amount"/> (≥ 0) may count: below <see cref="AmountLimit"/>, at most <see cref="MaxScale"/> decimal places.</summary>
    public static bool IsCountable(decimal amount) => amount < AmountLimit && HasCountableScale(amount);

    /// <summary>True when <paramref name="amount"/> has at most <see cref="MaxScale"/> decimal places once trailing zeros are dropped.</summary>
    public static bool HasCountableScale(decimal amount) => Normalized(amount).Scale <= MaxScale;

    /// <summary>True when <paramref name="sum"/> is a day sum this service can have written: below <see cref="DaySumLimit"/> in magnitude, at most <see cref="MaxScale"/> decimal places.</summary>
    public static bool IsDaySum(decimal sum) => Math.Abs(sum) < DaySumLimit && HasCountableScale(sum);

    /// <summary>Adds two day sums exactly; false when either or the result is not a day sum (<see cref="IsDaySum"/>).</summary>
    public static bool TryAddDaySums(decimal a, decimal b, out decimal sum)
    {
        // Two values below 10^22 with at most 6 decimal places add to a mantissa below 2 × 10^28: exact, no rounding.
        sum = IsDaySum(a) && IsDaySum(b) ? a + b : 0m;
        return IsDaySum(a) && IsDaySum(b) && IsDaySum(sum);
    }

    /// <summary>Adds two days' totals exactly; false when a sum leaves the bounds (<see cref="IsDaySum"/>) or a count overflows.</summary>
    public static bool TryAdd(DailyTotals a, DailyTotals b, out DailyTotals sum)
    {
        sum = DailyTotals.Zero;
        if (!TryAddDaySums(a.TotalIssued, b.TotalIssued, out var issued) || !TryAddDaySums(a.TotalRedeemed, b.TotalRedeemed, out var redeemed))
        {
            return false;
        }

        long issuedCount, redeemedCount;
        try
        {
            issuedCount = checked(a.IssuedCount + b.IssuedCount);
            redeemedCount = checked(a.RedeemedCount + b.RedeemedCount);
        }
        catch (OverflowException)
        {
            return false;
        }

        sum = new DailyTotals(issued, redeemed, issuedCount, redeemedCount);
        return true;
    }

    private static decimal Normalized(decimal value) => value / 1.000000000000000000000000000000000m;
}
