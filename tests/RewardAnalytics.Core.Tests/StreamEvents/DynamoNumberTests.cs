using System.Globalization;
using System.Text;
using CsCheck;
using RewardAnalytics.Core.StreamEvents;
using static RewardAnalytics.Core.Tests.EventReading;
using static RewardAnalytics.Core.Tests.Events.RewardRecords;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>DynamoDB N strings become exact decimals, or a named error: never a double, never rounded.</summary>
public sealed class DynamoNumberTests
{
    private static (bool Ok, decimal Value, NumberError Error) Parse(string text)
    {
        var ok = DynamoNumber.TryParse(Encoding.UTF8.GetBytes(text), out var value, out var error);
        return (ok, value, error);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0.1", "0.1")]
    [InlineData("1500.00", "1500")]
    [InlineData("12.340", "12.34")]
    [InlineData("007.50", "7.5")]
    [InlineData("1.5E+3", "1500")]
    [InlineData("1.5e3", "1500")]
    [InlineData("15e-1", "1.5")]
    [InlineData("2E0", "2")]
    [InlineData("0.000000000000000000000000001", "0.000000000000000000000000001")]
    [InlineData("1e-28", "0.0000000000000000000000000001")]
    [InlineData("1E27", "1000000000000000000000000000")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("9999999999999999999999999999", "9999999999999999999999999999")]
    [InlineData("1.234567890123456789012345678", "1.234567890123456789012345678")]
    [InlineData("1.0000000000000000000000000000000000", "1")]
    [InlineData("-42.5", "-42.5")]
    public void A_number_is_read_exactly(string text, string expected)
    {
        var (ok, value, error) = Parse(text);

        Assert.True(ok, $"{text}: {error}");
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("12345678901234567890123456789", NumberError.TooPrecise)]   // 29 significant digits
    [InlineData("1.2345678901234567890123456789", NumberError.TooPrecise)]
    [InlineData("1e-29", NumberError.TooPrecise)]
    [InlineData("1e-400", NumberError.TooPrecise)]
    [InlineData("1e400", NumberError.OutOfRange)]
    [InlineData("1E28", NumberError.OutOfRange)]
    [InlineData("99999999999999999999999999999999999999", NumberError.TooPrecise)]
    [InlineData("NaN", NumberError.Invalid)]
    [InlineData("Infinity", NumberError.Invalid)]
    [InlineData("", NumberError.Invalid)]
    [InlineData("-", NumberError.Invalid)]
    [InlineData(".", NumberError.Invalid)]
    [InlineData("1e", NumberError.Invalid)]
    [InlineData("1e+", NumberError.Invalid)]
    [InlineData("1.2.3", NumberError.Invalid)]
    [InlineData(" 1", NumberError.Invalid)]
    [InlineData("1 ", NumberError.Invalid)]
    [InlineData("0x10", NumberError.Invalid)]
    [InlineData("1,5", NumberError.Invalid)]
    public void A_number_a_decimal_cannot_hold_exactly_is_an_error(string text, NumberError expected)
    {
        Assert.Equal((false, 0m, expected), Parse(text));
    }

    [Fact]
    public void A_tenth_added_ten_times_is_exactly_one()
    {
        var tenths = Enumerable.Range(1, 10).Select(i => Insert(i, Item($"r{i}", "ISSUED", "0.1", "2023-11-15T08:00:00Z"))).ToArray();

        using var batch = Read(tenths);

        Assert.Equal(1m, Assert.Single(batch.Days).Delta.TotalIssued);
        Assert.Equal("1.0", ReportNumber.Format(batch.Days[0].Delta.TotalIssued));
    }

    [Fact]
    public void Any_decimal_of_at_most_28_digits_round_trips_through_its_text()
    {
        Exact.Sample(d =>
        {
            var text = d.ToString(CultureInfo.InvariantCulture);
            var (ok, value, error) = Parse(text);
            return ok && value == d && error == NumberError.None;
        });
    }

    [Fact]
    public void Any_decimal_of_at_most_28_digits_round_trips_through_exponent_notation()
    {
        Gen.Select(Exact, Gen.Int[0, 5]).Sample((d, shift) =>
        {
            // d = digits × 10^-scale, written as digits·10^shift × 10^(−scale − shift), e.g. 1500 → 15000E-1.
            var (digits, scale) = Unscaled(d);
            var mantissa = digits + new string('0', shift);
            var exponent = -scale - shift;
            var text = (d < 0 ? "-" : "") + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
            var (ok, value, _) = Parse(text);
            return ok && value == d;
        });
    }

    /// <summary>Decimals a reward amount may hold: at most 28 significant digits, below 10^28 (the parser's range).</summary>
    private static readonly Gen<decimal> Exact = Gen.Decimal.Where(d => SignificantDigits(d) <= DynamoNumber.MaxSignificantDigits && Math.Abs(d) < 1e28m);

    private static (string Digits, int Scale) Unscaled(decimal d)
    {
        var bits = decimal.GetBits(d);
        var scale = (bits[3] >> 16) & 0xFF;
        var magnitude = new System.Numerics.BigInteger((uint)bits[0]) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | (new System.Numerics.BigInteger((uint)bits[2]) << 64);
        return (magnitude.ToString(CultureInfo.InvariantCulture), scale);
    }

    private static int SignificantDigits(decimal d) => Unscaled(d).Digits.TrimStart('0').TrimEnd('0').Length;
}
