using System.Text;
using Amazon.DynamoDBv2.Model;

namespace RewardAnalytics.Local.Streaming;

/// <summary>Deep copies, deep equality and a stable text form of items, for images and the table mirror.</summary>
internal static class AttributeValues
{
    /// <summary>A deep copy of <paramref name="item"/>.</summary>
    public static Dictionary<string, AttributeValue> Copy(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.ToDictionary(kv => kv.Key, kv => Copy(kv.Value), StringComparer.Ordinal);

    /// <summary>A deep copy of <paramref name="v"/>.</summary>
    public static AttributeValue Copy(AttributeValue v) => new()
    {
        S = v.S,
        N = v.N,
        BOOL = v.BOOL,
        NULL = v.NULL,
        B = v.B is null ? null : new MemoryStream(v.B.ToArray()),
        SS = v.SS is null ? null : [.. v.SS],
        NS = v.NS is null ? null : [.. v.NS],
        L = v.L?.Select(Copy).ToList(),
        M = v.M is null ? null : Copy(v.M),
    };

    /// <summary>True when both items have the same attributes with equal values (both null counts as equal).</summary>
    public static bool ItemsEqual(IReadOnlyDictionary<string, AttributeValue>? a, IReadOnlyDictionary<string, AttributeValue>? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && ValuesEqual(kv.Value, other));
    }

    /// <summary>True when both values have the same type and equal content.</summary>
    public static bool ValuesEqual(AttributeValue a, AttributeValue b) =>
        a.S == b.S && a.N == b.N && a.BOOL == b.BOOL && (a.NULL ?? false) == (b.NULL ?? false)
        && (a.B is null ? b.B is null : b.B is not null && a.B.ToArray().AsSpan().SequenceEqual(b.B.ToArray()))
        && SetEqual(a.SS, b.SS) && SetEqual(a.NS, b.NS)
        && (a.L is null ? b.L is null : b.L is not null && a.L.Count == b.L.Count && a.L.Zip(b.L).All(p => ValuesEqual(p.First, p.Second)))
        && (a.M is null ? b.M is null : ItemsEqual(a.M, b.M));

    /// <summary>A key as one string (<c>rewardId=rw-000001</c>), for dictionaries keyed by item key.</summary>
    public static string KeyText(IReadOnlyDictionary<string, AttributeValue> key)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in key.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value.S ?? value.N ?? Convert.ToBase64String(value.B?.ToArray() ?? [])).Append(';');
        }

        return text.ToString();
    }

    private static bool SetEqual(List<string>? a, List<string>? b) =>
        (a is null || a.Count == 0) ? (b is null || b.Count == 0) : b is not null && a.ToHashSet().SetEquals(b);
}
