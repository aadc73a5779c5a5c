using System.Text.Json;

namespace RewardAnalytics.Core.Tests.Events;

/// <summary>
/// A DynamoDB attribute value as a stream record carries it, shaped like the SDK's <c>AttributeValue</c> for the
/// descriptors the tests write, so that Core's tests build events without the AWS SDK.
/// </summary>
public sealed class AttributeValue
{
    public string? S { get; init; }
    public string? N { get; init; }
    public IReadOnlyList<string>? SS { get; init; }
    public IReadOnlyList<string>? NS { get; init; }
    public bool NULL { get; init; }
    public Dictionary<string, AttributeValue>? M { get; init; }

    /// <summary>Writes the value in DynamoDB JSON: one descriptor and its value.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (S is not null)
        {
            json.WriteString(nameof(S), S);
        }
        else if (N is not null)
        {
            json.WriteString(nameof(N), N);
        }
        else if (SS is not null || NS is not null)
        {
            json.WriteStartArray(SS is not null ? nameof(SS) : nameof(NS));
            foreach (var value in SS ?? NS!)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
        else if (M is not null)
        {
            json.WritePropertyName(nameof(M));
            WriteItem(json, M);
        }
        else
        {
            json.WriteBoolean(nameof(NULL), NULL);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes an item (or key) as DynamoDB JSON: an object of attribute values.</summary>
    public static void WriteItem(Utf8JsonWriter json, IReadOnlyDictionary<string, AttributeValue> item)
    {
        json.WriteStartObject();
        foreach (var (name, value) in item)
        {
            json.WritePropertyName(name);
            value.WriteTo(json);
        }

        json.WriteEndObject();
    }
}
