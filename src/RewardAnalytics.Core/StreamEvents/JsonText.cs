using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Core.StreamEvents;

/// <summary>What the stream-event readers share about the JSON they stand in: token names for messages, property names, slices as text.</summary>
internal static class JsonText
{
    /// <summary>A token's kind as a message names it ("a JSON array").</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// The current property name as text to compare: the payload's own bytes, or (rarely) an unescaped copy. Plain
    /// span comparisons are cheaper than a chain of <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>.
    /// </summary>
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }

    /// <summary>A slice of the payload as a string; empty for the default range (the text was not there).</summary>
    public static string Utf8(ReadOnlySpan<byte> json, Range range) => range.Equals(default(Range)) ? string.Empty : Encoding.UTF8.GetString(json[range]);

    /// <summary>
    /// A JSON value re-written without the input's whitespace or line breaks, so a pretty-printed event still gives
    /// one log line per entry.
    /// </summary>
    public static string Compact(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value, new JsonReaderOptions { MaxDepth = StreamEventReader.MaxJsonDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
