using System.Globalization;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// A DynamoDB Streams sequence number (1 to 40 decimal digits), held without allocation and compared numerically.
/// Stored in the aggregates table as a fixed-width, zero-padded 40-digit string so that DynamoDB's string
/// comparison in a condition expression is the numeric comparison.
/// </summary>
public readonly record struct SequenceNumber : IComparable<SequenceNumber>
{
    /// <summary>The most digits a DynamoDB Streams sequence number has; also the stored, zero-padded width.</summary>
    public const int MaxDigits = 40;
    private const int LowDigits = 19;

    private readonly UInt128 _high; // the first 21 of 40 digits
    private readonly ulong _low;    // the last 19 digits
    private readonly byte _digits;  // how many digits the original text had (to echo it back to Lambda)

    private SequenceNumber(UInt128 high, ulong low, int digits)
    {
        _high = high;
        _low = low;
        _digits = (byte)digits;
    }

    /// <summary>The smallest sequence number (0).</summary>
    public static SequenceNumber MinValue => new(0, 0, 1);

    /// <summary>Parses the ASCII digits of a sequence number; false for empty, non-digit or over 40 digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> digits, out SequenceNumber value)
    {
        value = default;
        if (digits.IsEmpty || digits.Length > MaxDigits)
        {
            return false;
        }

        UInt128 high = 0;
        ulong low = 0;
        var highCount = digits.Length - LowDigits;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (uint)(digits[i] - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            if (i < highCount)
            {
                high = (high * 10) + d;
            }
            else
            {
                low = (low * 10) + d;
            }
        }

        value = new SequenceNumber(high, low, digits.Length);
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not 1 to 40 decimal digits.</exception>
    public static SequenceNumber Parse(string text) => TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value)
        ? value
        : throw new FormatException($"'{text}' is not a sequence number (1 to {MaxDigits} decimal digits).");

    /// <summary>Compares numerically, whatever the original digit counts.</summary>
    public int CompareTo(SequenceNumber other)
    {
        var c = _high.CompareTo(other._high);
        return c != 0 ? c : _low.CompareTo(other._low);
    }

    /// <summary>True when both are the same number.</summary>
    public bool Equals(SequenceNumber other) => _high == other._high && _low == other._low;

    /// <summary>A hash of the numeric value.</summary>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>True when <paramref name="a"/> is numerically smaller.</summary>
    public static bool operator <(SequenceNumber a, SequenceNumber b) => a.CompareTo(b) < 0;
    /// <summary>True when <paramref name="a"/> is numerically larger.</summary>
    public static bool operator >(SequenceNumber a, SequenceNumber b) => a.CompareTo(b) > 0;
    /// <summary>True when <paramref name="a"/> is numerically smaller or equal.</summary>
    public static bool operator <=(SequenceNumber a, SequenceNumber b) => a.CompareTo(b) <= 0;
    /// <summary>True when <paramref name="a"/> is numerically larger or equal.</summary>
    public static bool operator >=(SequenceNumber a, SequenceNumber b) => a.CompareTo(b) >= 0;

    /// <summary>The larger of the two.</summary>
    public static SequenceNumber Max(SequenceNumber a, SequenceNumber b) => a >= b ? a : b;
    /// <summary>The smaller of the two.</summary>
    public static SequenceNumber Min(SequenceNumber a, SequenceNumber b) => a <= b ? a : b;

    /// <summary>The 40-digit zero-padded form stored in the aggregates table.</summary>
    public string ToPaddedString() =>
        _high.ToString("D21", CultureInfo.InvariantCulture) + _low.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The number as Lambda delivered it (what a batch item failure must name).</summary>
    public override string ToString() => ToPaddedString()[(MaxDigits - Math.Max((int)_digits, 1))..];

    /// <summary>Reads the stored 40-digit form back.</summary>
    public static SequenceNumber FromPaddedString(string padded) => Parse(padded.TrimStart('0') is { Length: > 0 } t ? t : "0");

}
