using NodaTime;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>
/// Reads a reward's <c>createdAt</c>: ISO-8601 text (<c>2023-11-15T10:30:00Z</c>, <c>…+05:30</c>, fractions to
/// nanoseconds, <c>T</c> or a space; a value without offset is UTC) or Unix epoch seconds or milliseconds, as a
/// DynamoDB <c>N</c> or as digits in an <c>S</c>. Epoch values of 10^11 and above are milliseconds.
/// Accepted instants lie in [<see cref="Earliest"/>, <see cref="Latest"/>): anything else is out of range.
/// </summary>
public static class CreatedAt
{
    /// <summary>The earliest accepted creation time (2000-01-01T00:00Z, inclusive).</summary>
    public static readonly Instant Earliest = Instant.FromUtc(2000, 1, 1, 0, 0);
    /// <summary>The end of the accepted creation times (2100-01-01T00:00Z, exclusive).</summary>
    public static readonly Instant Latest = Instant.FromUtc(2100, 1, 1, 0, 0);

    /// <summary>The first day a reward can count toward in any time zone (<see cref="Earliest"/> at UTC−12).</summary>
    public static readonly LocalDate FirstDay = new(1999, 12, 31);

    /// <summary>The last day a reward can count toward in any time zone (just before <see cref="Latest"/> at UTC+14).</summary>
    public static readonly LocalDate LastDay = new(2100, 1, 1);

    /// <summary>True for a day some reward can count toward (<see cref="FirstDay"/> to <see cref="LastDay"/>).</summary>
    public static bool IsRewardDay(LocalDate day) => day >= FirstDay && day <= LastDay;

    /// <summary>What a day outside <see cref="FirstDay"/>..<see cref="LastDay"/> is told it should have been.</summary>
    public static string RewardDayRange => $"a day a reward can fall on, from {IsoDate.Format(FirstDay)} to {IsoDate.Format(LastDay)}";
    private const decimal MillisecondThreshold = 100_000_000_000m;

    /// <summary>Reads an <c>S</c> value: ISO-8601, or epoch digits.</summary>
    public static SkipReason TryParseText(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length >= 5 && text[4] == (byte)'-')
        {
            return TryParseIso(text, out instant) ? InRange(instant) : SkipReason.CreatedAtInvalid;
        }

        return TryParseEpoch(text, out instant);
    }

    /// <summary>Reads an <c>N</c> value: epoch seconds or milliseconds.</summary>
    public static SkipReason TryParseEpoch(ReadOnlySpan<byte> number, out Instant instant)
    {
        instant = default;
        if (!DynamoNumber.TryParse(number, out var value, out var error))
        {
            return error == NumberError.Invalid ? SkipReason.CreatedAtInvalid : SkipReason.CreatedAtOutOfRange;
        }

        if (value < 0m || value >= 10_000_000_000_000m)
        {
            return SkipReason.CreatedAtOutOfRange;
        }

        var ticks = value >= MillisecondThreshold
            ? decimal.Truncate(value * TimeSpan.TicksPerMillisecond)
            : decimal.Truncate(value * TimeSpan.TicksPerSecond);
        instant = Instant.FromUnixTimeTicks((long)ticks);
        return InRange(instant);
    }

    private static SkipReason InRange(Instant instant) =>
        instant >= Earliest && instant < Latest ? SkipReason.None : SkipReason.CreatedAtOutOfRange;

    private static bool TryParseIso(ReadOnlySpan<byte> s, out Instant instant)
    {
        instant = default;
        // yyyy-MM-ddTHH:mm
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || s[13] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute))
        {
            return false;
        }

        var i = 16;
        var second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second))
            {
                return false;
            }

            i += 3;
            if (i < s.Length && s[i] is (byte)'.' or (byte)',')
            {
                i++;
                var start = i;
                long scale = TimeSpan.TicksPerSecond;
                for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
                {
                    if (i - start >= 9)
                    {
                        return false;
                    }

                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }

                if (i == start)
                {
                    return false;
                }
            }
        }

        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if (s[i] is (byte)'Z' or (byte)'z' && i == s.Length - 1)
            {
                i++;
            }
            else if (s[i] is (byte)'+' or (byte)'-')
            {
                var sign = s[i] == '-' ? -1 : 1;
                var rest = s[(i + 1)..];
                int oh, om = 0;
                var ok = rest.Length switch
                {
                    2 => Digits(rest, 0, 2, out oh),
                    4 => Digits(rest, 0, 2, out oh) && Digits(rest, 2, 2, out om),
                    5 => Digits(rest, 0, 2, out oh) && rest[2] == ':' && Digits(rest, 3, 2, out om),
                    _ => (oh = 0) == 1,
                };
                if (!ok || oh > 18 || om > 59)
                {
                    return false;
                }

                offsetMinutes = sign * ((oh * 60) + om);
                i = s.Length;
            }
            else
            {
                return false;
            }
        }

        if (i != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        instant = Instant.FromUnixTimeTicks(utcTicks - DateTime.UnixEpoch.Ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            var d = (uint)(s[k] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }
}
