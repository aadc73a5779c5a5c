using System.Text;

namespace RewardAnalytics.StreamEvents.Writer;

/// <summary>
/// DynamoDB's item-size accounting (attribute names plus values: strings as UTF-8, numbers by significant digits),
/// which is what a stream record's <c>SizeBytes</c> reports for its keys and images.
/// </summary>
public static class DynamoItemSize
{
    /// <summary>The size of an item's attributes (names plus values); 0 for null.</summary>
    public static int Of(IReadOnlyDictionary<string, DynamoValue>? item)
    {
        if (item is null)
        {
            return 0;
        }

        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    /// <summary>The size of one attribute value (without its name).</summary>
    public static int Of(DynamoValue value)
    {
        if (value.S is { } s)
        {
            return Encoding.UTF8.GetByteCount(s);
        }

        if (value.N is { } n)
        {
            return NumberSize(n);
        }

        if (value.B is { } b)
        {
            return b.Length;
        }

        if (value.SS is { Count: > 0 } ss)
        {
            return ss.Sum(Encoding.UTF8.GetByteCount);
        }

        if (value.NS is { Count: > 0 } ns)
        {
            return ns.Sum(NumberSize);
        }

        if (value.BS is { Count: > 0 } bs)
        {
            return bs.Sum(b => b.Length);
        }

        if (value.L is { } list)
        {
            return 3 + list.Sum(e => 1 + Of(e));
        }

        if (value.M is { } map)
        {
            return 3 + map.Sum(kv => 1 + Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value));
        }

        return 1; // BOOL, NULL
    }

    // Numbers take about one byte per two significant digits plus one.
    private static int NumberSize(string number)
    {
        var significant = number.TrimStart('-', '+', '0', '.').Count(char.IsAsciiDigit);
        return 1 + ((Math.Max(significant, 1) + 1) / 2);
    }
}
