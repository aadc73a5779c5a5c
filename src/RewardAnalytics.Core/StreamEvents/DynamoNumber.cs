namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// Parses a DynamoDB number (<c>N</c>, up to 38 significant digits, optional exponent) straight from its UTF-8
/// bytes into an exact <see cref="decimal"/>: never through <see cref="double"/>, never rounded. A value that a
/// decimal cannot hold exactly (over 28 significant digits, or beyond its range) is an error, not an approximation.
/// </summary>
public static class DynamoNumber
{
    /// <summary>The most significant digits a <see cref="decimal"/> holds exactly; more is <see cref="NumberError.TooPrecise"/>.</summary>
    public const int MaxSignificantDigits = 28;
    private const int MaxInputLength = 128;

    /// <summary>Parses <paramref name="text"/> exactly; false with the reason in <paramref name="error"/> when it is malformed, out of range or too precise.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value, out NumberError error)
    {
        value = 0m;
        error = NumberError.Invalid;
        if (text.IsEmpty || text.Length > MaxInputLength)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            i++;
        }

        // The mantissa (at most 28 digits, under 2^94) as two words: a UInt128 would keep ReadyToRun from
        // precompiling this method (an ABI-unstable type), and it runs for every amount of every record.
        ulong mantissaLow = 0, mantissaHigh = 0;
        var significant = 0;      // digits kept in the mantissa (leading zeros dropped)
        var pendingZeros = 0;     // zeros seen after the last non-zero digit, not yet in the mantissa
        var fractionDigits = 0;   // digits after the decimal point, kept or pending
        var sawDigit = false;
        var sawPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                if (sawPoint)
                {
                    return false;
                }

                sawPoint = true;
                continue;
            }

            var d = (uint)(c - (byte)'0');
            if (d > 9)
            {
                break;
            }

            sawDigit = true;
            if (sawPoint)
            {
                fractionDigits++;
            }

            if (d == 0)
            {
                if (significant > 0)
                {
                    pendingZeros++;
                }

                continue;
            }

            significant += pendingZeros + 1;
            if (significant > MaxSignificantDigits)
            {
                error = NumberError.TooPrecise;
                return false;
            }

            for (; pendingZeros > 0; pendingZeros--)
            {
                MultiplyAdd(ref mantissaHigh, ref mantissaLow, 0);
            }

            MultiplyAdd(ref mantissaHigh, ref mantissaLow, d);
        }

        if (!sawDigit)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length)
        {
            if (text[i] is not ((byte)'e' or (byte)'E') || ++i >= text.Length)
            {
                return false;
            }

            var expNegative = false;
            if (text[i] is (byte)'-' or (byte)'+')
            {
                expNegative = text[i] == (byte)'-';
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - (byte)'0');
                if (d > 9)
                {
                    return false;
                }

                exponent = Math.Min((exponent * 10) + (int)d, 100_000);
            }

            if (expNegative)
            {
                exponent = -exponent;
            }
        }

        if ((mantissaHigh | mantissaLow) == 0)
        {
            error = NumberError.None;
            return true;
        }

        // value = mantissa × 10^power, where the pending (trailing) zeros are folded into the power.
        var power = pendingZeros - fractionDigits + exponent;
        if (power >= 0)
        {
            if (significant + power > MaxSignificantDigits)
            {
                error = NumberError.OutOfRange;
                return false;
            }

            for (; power > 0; power--)
            {
                MultiplyAdd(ref mantissaHigh, ref mantissaLow, 0);
            }
        }
        else if (-power > MaxSignificantDigits)
        {
            error = -power > 400 ? NumberError.OutOfRange : NumberError.TooPrecise;
            return false;
        }

        var scale = (byte)Math.Max(0, -power);
        value = new decimal((int)(uint)mantissaLow, (int)(uint)(mantissaLow >> 32), (int)(uint)mantissaHigh, negative, scale);
        error = NumberError.None;
        return true;
    }

    /// <summary>(high, low) = (high, low) × 10 + <paramref name="digit"/>; the callers keep it under 10^28.</summary>
    private static void MultiplyAdd(ref ulong high, ref ulong low, uint digit)
    {
        var carry = Math.BigMul(low, 10UL, out var product);
        low = product + digit;
        high = (high * 10) + carry + (low < product ? 1UL : 0UL);
    }
}
