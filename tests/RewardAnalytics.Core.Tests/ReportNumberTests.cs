using System.Globalization;

namespace RewardAnalytics.Core.Tests;

/// <summary>Amounts show exact digits, no trailing zeros, and always a fraction, as Python's json.dumps showed floats.</summary>
public sealed class ReportNumberTests
{
    [Theory]
    [InlineData("1500", "1500.0")]
    [InlineData("1500.00", "1500.0")]
    [InlineData("750", "750.0")]
    [InlineData("0", "0.0")]
    [InlineData("0.000", "0.0")]
    [InlineData("12.340", "12.34")]
    [InlineData("0.1", "0.1")]
    [InlineData("-750", "-750.0")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678.0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335.0")]
    public void An_amount_is_written_exactly_with_at_least_one_fraction_digit(string amount, string expected)
    {
        Assert.Equal(expected, ReportNumber.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }
}
