using System.Globalization;
using System.Numerics;
using CsCheck;
using NodaTime;
using RewardAnalytics.Core.Reconciliation;
using RewardAnalytics.Core.StreamEvents;
using RewardAnalytics.TestSupport;
using Xunit.Abstractions;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests;

/// <summary>
/// Within <see cref="AmountBounds"/> no day's sum can overflow or round: any set of in-bound amounts sums exactly, on
/// the stream path, on the scan path, and for as many records as the bounds are documented for.
/// </summary>
public sealed class AmountBoundsTests(ITestOutputHelper output)
{
    private const string Created = "2023-11-15T08:00:00Z";
    private static readonly LocalDate Nov15 = new(2023, 11, 15);

    /// <summary>An in-bound amount: below 10^12 with 0 to 6 decimal places, as its exact unscaled digits and scale.</summary>
    private static readonly Gen<(long Digits, int Scale)> InBound =
        Gen.Int[0, AmountBounds.MaxScale].SelectMany(scale => Gen.OneOf(
            Gen.Long[0, Pow10(12 + scale) - 1],
            Gen.Long[Pow10(12 + scale) - 1000, Pow10(12 + scale) - 1]) // the largest amounts of that scale
            .Select(digits => (digits, scale)));

    [Fact]
    public void Any_set_of_in_bound_amounts_folded_from_the_stream_sums_exactly()
    {
        InBound.Array[1, 60].Sample(amounts =>
        {
            var records = amounts.Select((a, i) => Insert(i + 1, Item($"r{i}", "ISSUED", Text(a), Created))).ToArray();
            using var batch = Read(records);
            var day = Assert.Single(batch.Days);
            return batch.Skipped.Count == 0 && Micros(day.Delta.TotalIssued) == amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + Micros(a));
        });
    }

    [Fact]
    public void Any_set_of_in_bound_amounts_scanned_from_the_table_sums_exactly()
    {
        InBound.Array[1, 200].Sample(amounts =>
        {
            var tally = new GroundTruthTally(DateTimeZone.Utc, new DateInterval(Nov15, Nov15));
            foreach (var amount in amounts)
            {
                tally.Add(AttributeKind.S, "REDEEMED", AttributeKind.N, Text(amount), AttributeKind.S, Created);
            }

            return tally.Unreadable.Count == 0 && Micros(tally.For(Nov15).TotalRedeemed) == amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + Micros(a));
        });
    }

    [Fact]
    public void Up_to_the_documented_records_per_day_any_in_bound_amounts_add_up_exactly_to_a_day_sum()
    {
        // Each amount stands for a run of identical records, up to MaxRecordsPerDay records in all; every partial sum
        // is added as the running totals add them (two day sums at a time) and must stay exact and in bounds.
        Gen.Select(InBound, Gen.Long[1, AmountBounds.MaxRecordsPerDay / 50]).Array[1, 50].Sample(runs =>
        {
            var sum = DailyTotals.Zero;
            var expected = BigInteger.Zero;
            foreach (var (amount, records) in runs)
            {
                var run = new DailyTotals(Value(amount) * records, 0m, records, 0);
                if (!AmountBounds.TryAdd(sum, run, out sum))
                {
                    return false;
                }

                expected += Micros(amount) * records;
            }

            return Micros(sum.TotalIssued) == expected && AmountBounds.IsDaySum(sum.TotalIssued);
        });
    }

    [Fact]
    public void The_largest_day_the_bounds_allow_is_exact_in_decimal_and_within_DynamoDBs_38_digits()
    {
        var largest = AmountBounds.AmountLimit - 0.000001m;
        var day = largest * AmountBounds.MaxRecordsPerDay;
        var moved = day + day; // a correction or a MODIFY history can move up to twice a day's amount

        Assert.Equal(Micros((Pow10(18) - 1, 6)) * AmountBounds.MaxRecordsPerDay * 2, Micros(moved));
        Assert.True(AmountBounds.IsDaySum(moved));
        var text = moved.ToString(CultureInfo.InvariantCulture);
        Assert.True(DynamoNumber.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var back, out _) && back == moved);
        Assert.True(text.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length <= 38);
        Figures.Print(output, string.Create(CultureInfo.InvariantCulture,
            $"largest in-bound amount {largest}; {AmountBounds.MaxRecordsPerDay} of them on one day sum to {day}, twice that to {moved} ({text.Length - 1} digits, exact; decimal holds 28, DynamoDB 38)"));
    }

    [Theory]
    [InlineData("999999999999.999999")]
    [InlineData("0.000001")]
    [InlineData("1.500000000")] // trailing zeros are not precision
    [InlineData("1e11")]
    public void An_amount_at_the_bounds_counts(string amount)
    {
        using var batch = Read(Insert(1, Item("r1", "ISSUED", amount, Created)));

        Assert.Empty(batch.Skipped);
        Assert.Equal(decimal.Parse(amount, NumberStyles.Float, CultureInfo.InvariantCulture), Assert.Single(batch.Days).Delta.TotalIssued);
    }

    [Fact]
    public void Day_sums_beyond_the_bounds_do_not_add()
    {
        Assert.False(AmountBounds.TryAdd(new DailyTotals(AmountBounds.DaySumLimit - 1m, 0m, 1, 0), new DailyTotals(1m, 0m, 1, 0), out _));
        Assert.False(AmountBounds.TryAdd(new DailyTotals(0.0000001m, 0m, 1, 0), DailyTotals.Zero, out _));
        Assert.False(AmountBounds.TryAdd(new DailyTotals(0m, 0m, long.MaxValue, 0), new DailyTotals(0m, 0m, 1, 0), out _));
        Assert.True(AmountBounds.TryAdd(new DailyTotals(-5m, 1m, 1, 1), new DailyTotals(2.5m, 0m, -1, 0), out var sum));
        Assert.Equal(new DailyTotals(-2.5m, 1m, 0, 1), sum);
    }

    private static string Text((long Digits, int Scale) amount) => Value(amount).ToString(CultureInfo.InvariantCulture);

    private static decimal Value((long Digits, int Scale) amount) =>
        new((int)(uint)amount.Digits, (int)(uint)(amount.Digits >> 32), 0, false, (byte)amount.Scale);

    private static BigInteger Micros((long Digits, int Scale) amount) => amount.Digits * BigInteger.Pow(10, AmountBounds.MaxScale - amount.Scale);

    private static BigInteger Micros(decimal value) => (BigInteger)(value * 1_000_000m);

    private static long Pow10(int exponent) => (long)BigInteger.Pow(10, exponent);
}
