using System.Globalization;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// A DynamoDB Streams sequence number (1 to 40 decimal digits), held without allocation and compared numerically.
/// Stored in the aggregates table as a fixed-width, zero-padded 40-digit string so that DynamoDB's string
/// comparison in a condition expression is the numeric comparison.
/// Held as three integers (2 + 19 + 19 digits), not a <see cref="UInt128"/>: ReadyToRun cannot precompile a method
/// whose signature or locals hold an ABI-unstable type such as <see cref="UInt128"/>, so every method taking a sequence
/// number (the read and the fold of each record) would otherwise be compiled at run time in every new Lambda container.
/// </summary>
public readonly record struct SequenceNumber : IComparable<SequenceNumber>
{
    /// <summary>The most digits a DynamoDB Streams sequence number has; also the stored, zero-padded width.</summary>
    public const int MaxDigits = 40;
    private const int PartDigits = 19; // the most decimal digits a ulong always holds

    private readonly ulong _mid;    // digits 3 to 21 of 40
    private readonly ulong _low;    // the last 19 digits
    private readonly byte _top;     // the first 2 digits
    private readonly byte _digits;  // how many digits the original text had (to echo it back to Lambda)

    private SequenceNumber(byte top, ulong mid, ulong low, int digits)
    {
        _top = top;
        _mid = mid;
        _low = low;
        _digits = (byte)digits;
    }

    /// <summary>The smallest sequence number (0).</summary>
    public static SequenceNumber MinValue => new(0, 0, 0, 1);

    /// <summary>Parses the ASCII digits of a sequence number; false for empty, non-digit or over 40 digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> digits, out SequenceNumber value)
    {
        value = default;
        if (digits.IsEmpty || digits.Length > MaxDigits)
        {
            return false;
        }

        var lowStart = Math.Max(0, digits.Length - PartDigits);
        var midStart = Math.Max(0, lowStart - PartDigits);
        if (!TryReadDigits(digits[..midStart], out var top) || !TryReadDigits(digits[midStart..lowStart], out var mid)
            || !TryReadDigits(digits[lowStart..], out var low))
        {
            return false;
        }

        value = new SequenceNumber((byte)top, mid, low, digits.Length);
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = (uint)(c - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

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
        return _top != other._top ? _top.CompareTo(other._top)
            : _mid != other._mid ? _mid.CompareTo(other._mid)
            : _low.CompareTo(other._low);
    }

    /// <summary>True when both are the same number.</summary>
    public bool Equals(SequenceNumber other) => _top == other._top && _mid == other._mid && _low == other._low;

    /// <summary>A hash of the numeric value.</summary>
    public override int GetHashCode() => HashCode.Combine(_top, _mid, _low);

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
        _top.ToString("D2", CultureInfo.InvariantCulture) + _mid.ToString("D19", CultureInfo.InvariantCulture)
        + _low.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The number as Lambda delivered it (what a batch item failure must name).</summary>
    public override string ToString() => ToPaddedString()[(MaxDigits - Math.Max((int)_digits, 1))..];

    /// <summary>Reads the stored 40-digit form back.</summary>
    public static SequenceNumber FromPaddedString(string padded) => Parse(padded.TrimStart('0') is { Length: > 0 } t ? t : "0");

}
