using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RewardAnalytics.Core.Logging;

/// <summary>
/// Structured log lines for the functions: one JSON object a line (<c>timestamp</c>, <c>level</c>, <c>message</c>,
/// then the caller's fields), which Lambda's JSON log format keeps as they are.
/// </summary>
public sealed class JsonLog
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;

    /// <summary>Log lines written to <paramref name="output"/>, timestamped by <paramref name="clock"/>.</summary>
    public JsonLog(TextWriter output, TimeProvider clock)
    {
        _output = output;
        _clock = clock;
    }

    /// <summary>Writes one line: timestamp, <paramref name="level"/> (INFO, WARN, ERROR), <paramref name="message"/>, then what <paramref name="fields"/> adds.</summary>
    public void Write(string level, string message, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", level);
            json.WriteString("message", message);
            fields(json);
            json.WriteEndObject();
        }

        _output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
