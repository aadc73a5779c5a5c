using System.Text.Json;

namespace RewardAnalytics.StreamEvents.Writer;

/// <summary>Writes items in DynamoDB JSON (<c>{"name":{"S":"…"}}</c>), the form stream records carry them in.</summary>
internal static class DynamoJson
{
    /// <summary>Writes <paramref name="item"/> as a DynamoDB JSON object of typed values.</summary>
    public static void WriteItem(Utf8JsonWriter json, IReadOnlyDictionary<string, DynamoValue> item)
    {
        json.WriteStartObject();
        foreach (var (name, value) in item)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes one typed value, e.g. <c>{"N":"12.5"}</c>.</summary>
    public static void WriteValue(Utf8JsonWriter json, DynamoValue value)
    {
        json.WriteStartObject();
        if (value.S is not null)
        {
            json.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            json.WriteString("N", value.N);
        }
        else if (value.BOOL is { } b)
        {
            json.WriteBoolean("BOOL", b);
        }
        else if (value.NULL)
        {
            json.WriteBoolean("NULL", true);
        }
        else if (value.B is { } bytes)
        {
            json.WriteBase64String("B", bytes.Span);
        }
        else if (value.SS is { Count: > 0 } ss)
        {
            WriteStrings(json, "SS", ss);
        }
        else if (value.NS is { Count: > 0 } ns)
        {
            WriteStrings(json, "NS", ns);
        }
        else if (value.BS is { Count: > 0 } bs)
        {
            json.WriteStartArray("BS");
            foreach (var element in bs)
            {
                json.WriteBase64StringValue(element.Span);
            }

            json.WriteEndArray();
        }
        else if (value.L is not null)
        {
            json.WriteStartArray("L");
            foreach (var element in value.L)
            {
                WriteValue(json, element);
            }

            json.WriteEndArray();
        }
        else if (value.M is not null)
        {
            json.WritePropertyName("M");
            WriteItem(json, value.M);
        }
        else
        {
            json.WriteBoolean("NULL", true);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
