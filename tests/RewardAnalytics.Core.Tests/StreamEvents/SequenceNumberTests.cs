using CsCheck;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Tests.StreamEvents;

/// <summary>Sequence numbers compare numerically, pad to 40 digits for DynamoDB's string comparison, and echo as delivered.</summary>
public sealed class SequenceNumberTests
{
    [Theory]
    [InlineData("111", "0000000000000000000000000000000000000111")]
    [InlineData("1405400000000002063282832", "0000000000000001405400000000002063282832")]
    [InlineData("9999999999999999999999999999999999999999", "9999999999999999999999999999999999999999")]
    [InlineData("0", "0000000000000000000000000000000000000000")]
    public void A_sequence_number_is_stored_zero_padded_to_40_digits_and_echoed_as_delivered(string text, string padded)
    {
        var sequence = SequenceNumber.Parse(text);

        Assert.Equal((padded, text), (sequence.ToPaddedString(), sequence.ToString()));
        Assert.Equal(sequence, SequenceNumber.FromPaddedString(padded));
    }

    [Fact]
    public void Leading_zeros_as_delivered_are_echoed_back_but_do_not_change_the_value()
    {
        var padded = SequenceNumber.Parse("000111");

        Assert.Equal("000111", padded.ToString());
        Assert.Equal(SequenceNumber.Parse("111"), padded);
    }

    [Fact]
    public void Sequence_numbers_order_by_value_not_by_length_or_text()
    {
        var ordered = new[] { "9", "10", "111", "222", "1000000000000000000", "10000000000000000000", "99999999999999999999", "100000000000000000000", "1405400000000002063282832" };

        var sorted = ordered.Reverse().Select(SequenceNumber.Parse).Order().Select(s => s.ToString());

        Assert.Equal(ordered, sorted);
        Assert.True(SequenceNumber.Parse("10") > SequenceNumber.Parse("9"));
        Assert.True(SequenceNumber.Parse("9") < SequenceNumber.Parse("10"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("12345678901234567890123456789012345678901")]
    public void A_sequence_number_that_is_not_1_to_40_digits_is_refused(string text)
    {
        var error = Assert.Throws<FormatException>(() => SequenceNumber.Parse(text));

        Assert.Equal($"'{text}' is not a sequence number (1 to 40 decimal digits).", error.Message);
    }

    [Fact]
    public void The_padded_form_orders_as_text_exactly_as_the_numbers_do_and_round_trips()
    {
        var digits = Gen.Char['0', '9'].Array[1, 40].Select(c => new string(c));
        Gen.Select(digits, digits).Sample((a, b) =>
        {
            var x = SequenceNumber.Parse(a);
            var y = SequenceNumber.Parse(b);
            var byText = Math.Sign(string.CompareOrdinal(x.ToPaddedString(), y.ToPaddedString()));
            var byNumber = Math.Sign(System.Numerics.BigInteger.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(System.Numerics.BigInteger.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
            return byText == byNumber && Math.Sign(x.CompareTo(y)) == byNumber && x.ToString() == a
                && SequenceNumber.FromPaddedString(x.ToPaddedString()) == x;
        });
    }
}
