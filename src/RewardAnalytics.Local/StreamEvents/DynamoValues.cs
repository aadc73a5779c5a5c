using Amazon.DynamoDBv2.Model;
using RewardAnalytics.StreamEvents.Writer;

namespace RewardAnalytics.Local.StreamEvents;

/// <summary>
/// The AWS SDK's attribute values (what the local world's items are made of) as the event writer's
/// <see cref="DynamoValue"/>s, descriptor for descriptor; an empty set counts as not set, as it does in DynamoDB.
/// </summary>
internal static class DynamoValues
{
    /// <summary>An item (or key) as the writer's values; null for null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(item))]
    public static Dictionary<string, DynamoValue>? From(IReadOnlyDictionary<string, AttributeValue>? item) =>
        item?.ToDictionary(kv => kv.Key, kv => From(kv.Value), StringComparer.Ordinal);

    /// <summary>One attribute value as the writer's value.</summary>
    public static DynamoValue From(AttributeValue value) => new()
    {
        S = value.S,
        N = value.N,
        // The cast keeps "no B" null: a bare null would become an empty ReadOnlyMemory through its conversion from byte[].
        B = value.B is { } b ? b.ToArray() : (ReadOnlyMemory<byte>?)null,
        SS = value.SS is { Count: > 0 } ss ? ss : null,
        NS = value.NS is { Count: > 0 } ns ? ns : null,
        BS = value.BS is { Count: > 0 } bs ? bs.Select(m => (ReadOnlyMemory<byte>)m.ToArray()).ToArray() : null,
        BOOL = value.BOOL,
        NULL = value.NULL is true,
        L = value.L?.Select(From).ToArray(),
        M = From(value.M),
    };
}
